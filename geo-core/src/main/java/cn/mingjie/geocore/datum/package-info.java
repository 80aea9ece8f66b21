/**
 * Datum shifts that are not in the EPSG registry: GCJ-02 (国测局坐标, "Mars coordinates"), the
 * obfuscated lon/lat that Amap, Tencent and Aliyun DataV publish, to and from WGS84/CGCS2000.
 */
package cn.mingjie.geocore.datum;
