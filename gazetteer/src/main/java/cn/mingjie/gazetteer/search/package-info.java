/**
 * Place-name search (Photon style: request → {@link cn.mingjie.gazetteer.search.PlaceSearch} → hits the
 * web layer formats as GeoJSON) over a backend-agnostic source of name documents ({@link
 * cn.mingjie.gazetteer.search.NameSource}): characters, pinyin, initials, mixed input, typos,
 * homophones, traditional characters, partial and historical names, with filters and a map-centre bias.
 */
package cn.mingjie.gazetteer.search;
