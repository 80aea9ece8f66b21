package cn.mingjie.gazetteer.exchange;

import cn.mingjie.gazetteer.PlaceDraft;
import cn.mingjie.gazetteer.PlaceVersion;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One row of an import or export: a place's current version in the census fields. {@code placeId}
 * null means a new place; {@code validFrom} is when this version holds from.
 */
public record PlaceRecord(Long placeId, PlaceDraft draft, LocalDate validFrom, boolean fromDivision) {

    /** The columns of the CSV form, in order; the GeoJSON properties use the same names. */
    public static final List<String> COLUMNS = List.of(
            "place_id",
            "name",
            "proper_name",
            "generic_name",
            "romanization",
            "short_name",
            "aliases",
            "category_code",
            "division_code",
            "meaning",
            "origin",
            "description",
            "naming_date",
            "established_year",
            "abolished_year",
            "sources",
            "position_method",
            "status",
            "valid_from",
            "from_division",
            "geometry_wkt");

    public static PlaceRecord of(PlaceVersion v) {
        return new PlaceRecord(v.placeId(), PlaceDraft.of(v), v.validFrom(), v.fromDivision());
    }

    public Geometry geometry() {
        return draft.geometry();
    }
}
