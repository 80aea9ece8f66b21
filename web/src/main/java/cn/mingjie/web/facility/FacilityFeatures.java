package cn.mingjie.web.facility;

import cn.mingjie.facility.Facility;
import cn.mingjie.facility.walking.ServiceArea;
import cn.mingjie.facility.walking.WalkingMethod;
import cn.mingjie.facility.walking.WalkingRoute;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.web.support.Feature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** Facilities, service areas and routes as GeoJSON features ([lon, lat]). */
final class FacilityFeatures {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private FacilityFeatures() {}

    static Feature facility(Facility f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.id());
        p.put("type", f.type().name());
        p.put("typeName", f.type().chineseName());
        p.put("typeNameEn", f.type().englishName());
        p.put("category", f.type().category().name());
        p.put("name", f.name());
        p.put("placeRef", f.placeRef());
        p.put("divisionCode", f.divisionCode());
        p.put("operator", f.operator());
        p.put("beds", f.beds());
        p.put("nursingBeds", f.nursingBeds());
        p.put("floorAreaM2", f.floorAreaM2());
        p.put("landAreaM2", f.landAreaM2());
        p.put("graveCapacity", f.graveCapacity());
        p.put("nicheCapacity", f.nicheCapacity());
        p.put("openedOn", f.openedOn());
        p.put("status", f.status().name());
        p.put("statusName", f.status().chineseName());
        p.put("published", f.published());
        p.put("source", f.source());
        p.put("synthetic", "synthetic-sample".equals(f.source()));
        p.put("version", f.versionTag());
        return Feature.of(String.valueOf(f.id()), f.geometry(), p);
    }

    static Feature serviceArea(ServiceArea a, Long facilityId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("facilityId", facilityId);
        p.put("minutes", a.minutes());
        method(p, a.method());
        return Feature.of(null, a.area(), p);
    }

    static Feature route(Facility f, WalkingRoute r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("facilityId", f.id());
        p.put("name", f.name());
        p.put("type", f.type().name());
        p.put("typeName", f.type().chineseName());
        p.put("facilityLon", f.location().getX());
        p.put("facilityLat", f.location().getY());
        p.put("minutes", Math.round(r.minutes() * 10) / 10.0);
        p.put("metres", Math.round(r.metres()));
        method(p, r.method());
        return Feature.of(String.valueOf(f.id()), r.line(), p);
    }

    static void method(Map<String, Object> p, WalkingMethod m) {
        p.put("walkingMethod", m.id());
        p.put("fallback", m.fallback());
        p.put("methodLabel", m.label());
        p.put("methodLabelEn", m.labelEn());
        p.put("metresPerMinute", m.metresPerMinute());
        p.put("detourFactor", m.detourFactor());
    }

    static Point point(Double lon, Double lat) {
        if (lon == null || lat == null || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw ValidationException.of("lon", "error.import.lonlat-range", lon, lat);
        }
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }
}
