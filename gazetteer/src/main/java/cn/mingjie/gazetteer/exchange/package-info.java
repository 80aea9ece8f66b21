/**
 * Import (CSV, GeoJSON; dry run first, all or nothing) and export (GeoJSON, CSV, Linked Places
 * Format, the 标准地名录 directory) of the register.
 */
package cn.mingjie.gazetteer.exchange;
