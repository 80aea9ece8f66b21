/**
 * HTTP for the facility module: the facility register (read publicly, written by ADMIN with If-Match),
 * walking service areas, nearest facilities, coverage indicators and their CSV/PDF exports.
 */
package cn.mingjie.web.facility;
