/** Place-name search and romanization over HTTP: parse → gazetteer search → GeoJSON. */
package cn.mingjie.web.search;
