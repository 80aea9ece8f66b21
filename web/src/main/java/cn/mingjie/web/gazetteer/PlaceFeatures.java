package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.web.support.Feature;
import java.util.LinkedHashMap;
import java.util.Map;

/** A place version as GeoJSON: [lon, lat] geometry, the census fields as properties. */
final class PlaceFeatures {

    private PlaceFeatures() {}

    static Feature feature(PlaceVersion v) {
        return Feature.of(Long.toString(v.placeId()), v.geometry(), properties(v));
    }

    static Map<String, Object> properties(PlaceVersion v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("placeId", v.placeId());
        p.put("name", v.name());
        p.put("properName", v.properName());
        p.put("genericName", v.genericName());
        p.put("romanization", v.romanization());
        p.put("shortName", v.shortName());
        p.put("aliases", v.aliases());
        p.put("categoryCode", v.categoryCode());
        p.put("divisionCode", v.divisionCode());
        p.put("meaning", v.meaning());
        p.put("origin", v.origin());
        p.put("description", v.description());
        p.put("namingDate", v.namingDate());
        p.put("establishedYear", v.establishedYear());
        p.put("abolishedYear", v.abolishedYear());
        p.put("sources", v.sources());
        p.put("positionMethod", v.positionMethod());
        p.put("status", v.status());
        p.put("validFrom", v.validFrom());
        p.put("validTo", v.validTo());
        p.put("endReason", v.endReason());
        p.put("changeReason", v.changeReason());
        p.put("source", v.source());
        p.put("fromDivision", v.fromDivision());
        p.put("deprecated", v.deprecated());
        p.put("geometryType", v.geometry() == null ? null : v.geometry().getGeometryType());
        p.put("version", v.versionTag());
        return p;
    }
}
