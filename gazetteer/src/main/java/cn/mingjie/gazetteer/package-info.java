/** The standard place-name register (标准地名): names, rules, approvals, protection lists, signs, search. */
package cn.mingjie.gazetteer;
