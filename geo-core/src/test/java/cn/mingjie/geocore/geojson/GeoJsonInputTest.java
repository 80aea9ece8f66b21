package cn.mingjie.geocore.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.mingjie.geocore.crs.ChineseCrs;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoJsonInputTest {

    private final GeoJsonInput input = new GeoJsonInput();

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    private ListAssert<FieldProblem> problemsOfGeometry(String json) {
        try {
            input.readGeometry(q(json));
        } catch (ValidationException e) {
            return assertThat(e.problems());
        }
        throw new AssertionError("no problem found in " + json);
    }

    @Test
    void readsAPolygonWithSrid4490LonFirst() throws Exception {
        Geometry g = input.readGeometry(
                q("{'type':'Polygon','coordinates':[[[106.1,29.6],[106.9,29.55],[107.2,30.1],[106.1,29.6]]]}"));
        assertThat(g.getSRID()).isEqualTo(ChineseCrs.CGCS2000);
        assertThat(g.equalsExact(new WKTReader().read("POLYGON ((106.1 29.6, 106.9 29.55, 107.2 30.1, 106.1 29.6))")))
                .isTrue();
    }

    @Test
    void readsEveryGeometryType() throws Exception {
        String[][] cases = {
            {"{'type':'Point','coordinates':[106.5,29.5,312.5]}", "POINT Z (106.5 29.5 312.5)"},
            {"{'type':'Point','coordinates':[]}", "POINT EMPTY"},
            {"{'type':'MultiPoint','coordinates':[[106,29],[107,30]]}", "MULTIPOINT ((106 29), (107 30))"},
            {"{'type':'LineString','coordinates':[[106,29],[107,30]]}", "LINESTRING (106 29, 107 30)"},
            {
                "{'type':'MultiLineString','coordinates':[[[106,29],[107,30]],[[108,29],[108,30]]]}",
                "MULTILINESTRING ((106 29, 107 30), (108 29, 108 30))"
            },
            {
                "{'type':'MultiPolygon','coordinates':[[[[106,29],[106.1,29],[106.1,29.1],[106,29]]]]}",
                "MULTIPOLYGON (((106 29, 106.1 29, 106.1 29.1, 106 29)))"
            },
            {
                "{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[106,29]}]}",
                "GEOMETRYCOLLECTION (POINT (106 29))"
            },
            {"{'type':'Polygon','coordinates':[]}", "POLYGON EMPTY"}
        };
        for (String[] c : cases) {
            Geometry g = input.readGeometry(q(c[0]));
            assertThat(g.equalsExact(new WKTReader().read(c[1]))).as(c[0]).isTrue();
        }
        assertThat(input.readGeometry(q(cases[0][0])).getCoordinate().getZ()).isEqualTo(312.5);
    }

    @Test
    void unparseableJsonIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> input.readGeometry("{\n  \"type\": \"Point\",\n  \"coordinates\": [106, 29,]\n}"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEmpty();
                            assertThat(p.messageKey()).isEqualTo("error.geometry.parse");
                            assertThat(p.args()[0]).isEqualTo(3);
                        }));
        for (String bad : new String[] {"", "   ", "{\"type\":\"Point\"} trailing", "{\"a\":1,\"a\":2}"}) {
            assertThatThrownBy(() -> input.readGeometry(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::messageKey)
                            .containsExactly("error.geometry.parse"));
        }
    }

    @Test
    void unclosedAndTooShortRingsAreLocatedToTheRing() {
        problemsOfGeometry("{'type':'Polygon','coordinates':[[[106,29],[107,29],[107,30],[106,30]]]}")
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/coordinates/0");
                    assertThat(p.messageKey()).isEqualTo("error.geometry.ring-not-closed");
                    assertThat(p.args()).containsExactly(106.0, 29.0);
                });
        problemsOfGeometry("{'type':'Polygon','coordinates':[[[106,29],[107,29],[106,29]]]}")
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/coordinates/0");
                    assertThat(p.messageKey()).isEqualTo("error.geometry.ring-too-short");
                    assertThat(p.args()).containsExactly(3);
                });
        // Every bad ring of every part is reported at once.
        problemsOfGeometry("{'type':'MultiPolygon','coordinates':["
                        + "[[[106,29],[106.1,29],[106.1,29.1],[106,29]],[[106.02,29.02],[106.05,29.02],[106.05,29.05]]],"
                        + "[[[107,29],[107.1,29]]]]}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(
                        tuple("/coordinates/0/1", "error.geometry.ring-too-short"),
                        tuple("/coordinates/1/0", "error.geometry.ring-too-short"));
        problemsOfGeometry("{'type':'LineString','coordinates':[[106,29]]}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("/coordinates", "error.geometry.line-too-short"));
    }

    @Test
    void malformedStructureIsLocated() {
        problemsOfGeometry("{'type':'Point','coordinates':[106]}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("/coordinates", "error.geometry.position-invalid"));
        problemsOfGeometry("{'type':'LineString','coordinates':[[106,29],['107',30],[108,null]]}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(
                        tuple("/coordinates/1", "error.geometry.position-invalid"),
                        tuple("/coordinates/2", "error.geometry.position-invalid"));
        problemsOfGeometry("{'type':'Polygon','coordinates':[[106,29],[107,29],[107,30],[106,29]]}")
                .extracting(FieldProblem::field)
                .containsExactly(
                        "/coordinates/0/0",
                        "/coordinates/0/1",
                        "/coordinates/1/0",
                        "/coordinates/1/1",
                        "/coordinates/2/0",
                        "/coordinates/2/1",
                        "/coordinates/3/0",
                        "/coordinates/3/1");
        problemsOfGeometry("{'type':'Circle','center':[106,29],'radius':5}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("/type", "error.geometry.type-unsupported"));
        problemsOfGeometry("{'type':'Polygon'}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("/coordinates", "error.geometry.malformed"));
        problemsOfGeometry("[106, 29]")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("", "error.geometry.malformed"));
        problemsOfGeometry("{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[1]}]}")
                .extracting(FieldProblem::field)
                .containsExactly("/geometries/0/coordinates");
    }

    @Test
    void onlyLonLatCrsNamesAreAccepted() throws Exception {
        assertThat(input.readGeometry(q("{'type':'Point','coordinates':[106,29],"
                        + "'crs':{'type':'name','properties':{'name':'EPSG:4490'}}}")))
                .isNotNull();
        problemsOfGeometry("{'type':'Point','coordinates':[106,29],"
                        + "'crs':{'type':'name','properties':{'name':'EPSG:4524'}}}")
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/crs");
                    assertThat(p.messageKey()).isEqualTo("error.geometry.crs-unsupported");
                    assertThat(p.args()).containsExactly("EPSG:4524");
                });
    }

    @Test
    void geometryRulesApplyAfterTheStructureIsSound() {
        problemsOfGeometry("{'type':'Polygon','coordinates':[[[29.6,106.1],[29.55,106.9],[30.1,107.2],[29.6,106.1]]]}")
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("/coordinates/0/0", "error.geometry.lat-lon-swapped"));
        problemsOfGeometry("{'type':'Polygon','coordinates':[[[106,29],[107,30],[107,29],[106,30],[106,29]]]}")
                .extracting(FieldProblem::field, FieldProblem::messageKey, p -> List.of(p.args()))
                .containsExactly(tuple("/coordinates", "error.geometry.self-intersection", List.of(106.5, 29.5)));
        problemsOfGeometry("{'type':'Point','coordinates':[-73.98,40.75]}")
                .extracting(FieldProblem::messageKey)
                .containsExactly("error.geometry.outside-china");
    }

    @Test
    void withoutRulesUpstreamDataIsReadAsPublishedButStructureIsStillChecked() {
        input.setRulesApplied(false);
        Geometry bowTie = input.readGeometry(
                q("{'type':'Polygon','coordinates':[[[106,29],[107,30],[107,29],[106,30],[106,29]]]}"));
        assertThat(bowTie.isValid()).isFalse();
        problemsOfGeometry("{'type':'Polygon','coordinates':[[[106,29],[107,29],[107,30],[106,30]]]}")
                .extracting(FieldProblem::messageKey)
                .containsExactly("error.geometry.ring-not-closed");
    }

    @Test
    void readsFeaturesWithIdsPropertiesAndNullGeometry() {
        GeoJsonFeature f = input.readFeature(q("{'type':'Feature','id':500152,"
                + "'geometry':{'type':'Point','coordinates':[105.84,30.19]},"
                + "'properties':{'name':'潼南区','level':'district','parent':{'adcode':500000},'note':null}}"));
        assertThat(f.id()).isEqualTo(500152);
        assertThat(f.geometry().getCoordinate().getX()).isEqualTo(105.84);
        assertThat(f.properties()).containsEntry("name", "潼南区").containsEntry("note", null);
        assertThat(f.properties().keySet()).containsExactly("name", "level", "parent", "note");
        assertThat(f.properties().get("parent")).isEqualTo(java.util.Map.of("adcode", 500000));

        GeoJsonFeature unlocated =
                input.readFeature(q("{'type':'Feature','id':'x','geometry':null,'properties':null}"));
        assertThat(unlocated.id()).isEqualTo("x");
        assertThat(unlocated.geometry()).isNull();
        assertThat(unlocated.properties()).isEmpty();
    }

    @Test
    void featureCollectionProblemsCarryTheFeatureIndex() {
        String json = q("{'type':'FeatureCollection','features':["
                + "{'type':'Feature','geometry':{'type':'Point','coordinates':[106,29]},'properties':{}},"
                + "{'type':'Feature','geometry':{'type':'Point','coordinates':[29.8,105.9]},'properties':{}},"
                + "{'type':'Feature','properties':{}},"
                + "{'type':'Point','coordinates':[106,29]}]}");
        assertThatThrownBy(() -> input.readFeatureCollection(json))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(
                                tuple("/features/1/geometry/coordinates", "error.geometry.lat-lon-swapped"),
                                tuple("/features/2/geometry", "error.geometry.malformed"),
                                tuple("/features/3/type", "error.geometry.type-unsupported")));
        assertThat(input.readFeatureCollection(q("{'type':'FeatureCollection','features':[]}")))
                .isEmpty();
    }

    @Test
    void theShippedBoundaryFilesAreWellFormedGeoJson() {
        assertThat(TestBoundaries.tianditu()).hasSize(38);
        assertThat(TestBoundaries.datav().get("500112").getGeometryType()).isEqualTo("MultiPolygon");
        // Tianditu passes every rule as published; DataV does not (six districts self-intersect).
        for (Geometry g : TestBoundaries.tianditu().values()) {
            assertThat(GeometryRules.check(g, "")).isEmpty();
        }
        assertThat(TestBoundaries.datav().values().stream()
                        .filter(g -> !GeometryRules.check(g, "").isEmpty())
                        .count())
                .isEqualTo(6);
    }
}
