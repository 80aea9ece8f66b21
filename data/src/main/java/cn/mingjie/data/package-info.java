/**
 * The built-in Chongqing sample: real public data (NBS division codes 2021/2023, 天地图 district
 * polygons, GeoNames, pinyin lists; see {@code data/sample/PROVENANCE.md}) and what is derived from
 * it, loaded idempotently into the modules.
 */
package cn.mingjie.data;
