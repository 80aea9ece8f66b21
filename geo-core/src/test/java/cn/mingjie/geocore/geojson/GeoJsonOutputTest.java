package cn.mingjie.geocore.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.crs.GaussKrugerZone;
import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoJsonOutputTest {

    private final GeoJsonOutput output = new GeoJsonOutput();

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    @Test
    void writesLonLatRoundedToSevenDecimalsWithTheCgcs2000CrsMember() throws Exception {
        assertThat(output.write(wkt("POINT (106.123456789 29.5000000001)")))
                .isEqualTo(q("{'type':'Point','crs':{'type':'name','properties':{'name':'EPSG:4490'}},"
                        + "'coordinates':[106.1234568,29.5]}"));
    }

    @Test
    void precisionAndCrsMemberAreOptions() throws Exception {
        output.setDecimals(3);
        output.setCrsWritten(false);
        assertThat(output.write(wkt("LINESTRING (106.12345 29.00001, 107 30.0005)")))
                .isEqualTo(q("{'type':'LineString','coordinates':[[106.123,29],[107,30.001]]}"));
        output.setDecimals(0);
        assertThat(output.write(wkt("POINT (106.5 -0.4)"))).isEqualTo(q("{'type':'Point','coordinates':[107,0]}"));
        assertThatThrownBy(() -> output.setDecimals(16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tinyValuesAreNeverWrittenInScientificNotation() throws Exception {
        output.setCrsWritten(false);
        output.setDecimals(10);
        assertThat(output.write(wkt("POINT (106.00000001 0.0000000002)")))
                .isEqualTo(q("{'type':'Point','coordinates':[106.00000001,0.0000000002]}"));
    }

    @Test
    void ringsAreOrientedAsRfc7946Requires() throws Exception {
        output.setCrsWritten(false);
        // Clockwise shell, counter-clockwise hole: both must be reversed.
        Geometry g = wkt(
                "POLYGON ((106 29, 106 30, 107 30, 107 29, 106 29), (106.2 29.2, 106.4 29.2, 106.4 29.4, 106.2 29.2))");
        assertThat(output.write(g))
                .isEqualTo(q("{'type':'Polygon','coordinates':[[[106,29],[107,29],[107,30],[106,30],[106,29]],"
                        + "[[106.2,29.2],[106.4,29.4],[106.4,29.2],[106.2,29.2]]]}"));
    }

    @Test
    void everyTypeRoundTripsThroughTheReader() throws Exception {
        GeoJsonInput input = new GeoJsonInput();
        for (String text : List.of(
                "POINT (106.5 29.5)",
                "POINT Z (106.5 29.5 312.5)",
                "POINT EMPTY",
                "MULTIPOINT ((106 29), (107 30))",
                "LINESTRING (106 29, 107 30)",
                "MULTILINESTRING ((106 29, 107 30), (108 29, 108 30))",
                "POLYGON ((106 29, 107 29, 107 30, 106 29), (106.5 29.2, 106.9 29.6, 106.9 29.2, 106.5 29.2))",
                "MULTIPOLYGON (((106 29, 107 29, 107 30, 106 29)), ((108 29, 109 29, 109 30, 108 29)))",
                "GEOMETRYCOLLECTION (POINT (106 29), LINESTRING (106 29, 107 30))")) {
            Geometry g = wkt(text);
            g.setSRID(4490);
            assertThat(input.readGeometry(output.write(g)).equalsExact(g))
                    .as(text)
                    .isTrue();
        }
    }

    @Test
    void projectedOrForeignGeometriesAreRefused() throws Exception {
        Geometry projected = GaussKrugerZone.ZONE_36.project(wkt("POINT (108 30)"), Easting.ZONE_PREFIXED);
        assertThatThrownBy(() -> output.write(projected))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4524");
    }

    @Test
    void featuresAndCollectionsKeepIdsAndProperties() throws Exception {
        output.setCrsWritten(false);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", "潼南区");
        props.put("adcode", 500152);
        props.put("note", null);
        GeoJsonFeature located = new GeoJsonFeature("500152", wkt("POINT (105.84 30.19)"), props);
        GeoJsonFeature unlocated = new GeoJsonFeature(7, null, null);

        assertThat(output.write(located))
                .isEqualTo(q("{'type':'Feature','id':'500152','geometry':{'type':'Point','coordinates':[105.84,30.19]},"
                        + "'properties':{'name':'潼南区','adcode':500152,'note':null}}"));

        output.setCrsWritten(true);
        String collection = output.writeFeatureCollection(List.of(located, unlocated));
        assertThat(collection)
                .startsWith(q("{'type':'FeatureCollection','crs':{'type':'name','properties':{'name':'EPSG:4490'}},"
                        + "'features':[{'type':'Feature','id':'500152',"))
                .endsWith(q("{'type':'Feature','id':7,'geometry':null,'properties':{}}]}"));

        List<GeoJsonFeature> back = new GeoJsonInput().readFeatureCollection(collection);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).properties()).isEqualTo(props);
        assertThat(back.get(1).id()).isEqualTo(7);
    }

    @Test
    void featureIdsMustBeStringsOrNumbers() {
        assertThatThrownBy(() -> new GeoJsonFeature(List.of(1), null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
