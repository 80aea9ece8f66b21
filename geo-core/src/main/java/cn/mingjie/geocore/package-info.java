/**
 * The geographic core every other module stands on: coordinate reference systems, datum shifts,
 * GeoJSON, the administrative-division register, the database and the audit history.
 */
package cn.mingjie.geocore;
