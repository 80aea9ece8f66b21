/**
 * The gazetteer over HTTP: the place register, naming-rule checks, naming cases, protection list,
 * signs, import and export. Thin resources: parse, call the gazetteer module, answer a DTO.
 */
package cn.mingjie.web.gazetteer;
