package cn.mingjie.gazetteer.approval;

/**
 * The proposed name and the census fields of a case (geometry as WKT in EPSG:4490, lon/lat). For an
 * abolition only the reasons matter and these may be empty.
 */
public record CaseProposal(
        String properName,
        String genericName,
        String romanization,
        String categoryCode,
        String divisionCode,
        String meaning,
        String origin,
        String description,
        String geometryWkt,
        String positionMethod,
        String sources) {

    public String name() {
        return (properName == null ? "" : properName) + (genericName == null ? "" : genericName);
    }
}
