/**
 * Coordinate reference systems of the bureau's data: CGCS2000 geographic (EPSG:4490, the legal
 * datum), WGS84 (EPSG:4326), and the CGCS2000 3-degree Gauss-Krüger zones (35, 36 and 37 cover
 * Chongqing); geodesic and planar measurement and bearings.
 *
 * <p>Coordinates are always longitude first ({@link cn.mingjie.geocore.crs.LonLat}, JTS x = lon,
 * y = lat; projected x = easting, y = northing), whatever axis order the EPSG registry declares.
 */
package cn.mingjie.geocore.crs;
