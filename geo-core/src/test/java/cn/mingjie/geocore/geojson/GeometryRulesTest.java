package cn.mingjie.geocore.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeometryRulesTest {

    private static List<FieldProblem> check(String wkt) throws Exception {
        return GeometryRules.check(new WKTReader().read(wkt), "");
    }

    @Test
    void aValidDistrictShapeHasNoProblems() throws Exception {
        assertThat(check("POLYGON ((106.1 29.6, 106.9 29.55, 107.2 30.1, 106.3 30.2, 106.1 29.6),"
                        + " (106.5 29.8, 106.6 29.8, 106.6 29.9, 106.5 29.8))"))
                .isEmpty();
        assertThat(
                        check(
                                "MULTIPOLYGON (((106 29, 106.1 29, 106.1 29.1, 106 29)), ((107 29, 107.1 29, 107.1 29.1, 107 29)))"))
                .isEmpty();
        assertThat(check("POINT (105.9 29.8)")).isEmpty();
        assertThat(check("LINESTRING (106 29, 107 30, 106 30, 107 29)"))
                .as("lines may cross themselves")
                .isEmpty();
    }

    @Test
    void aBowTieIsASelfIntersectionLocatedWhereTheEdgesCross() throws Exception {
        List<FieldProblem> problems = check("POLYGON ((106 29, 107 30, 107 29, 106 30, 106 29))");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("/coordinates");
            assertThat(p.messageKey()).isEqualTo("error.geometry.self-intersection");
            assertThat(p.args()).containsExactly(106.5, 29.5);
        });
    }

    @Test
    void aRingTouchingItselfIsASelfIntersectionToo() throws Exception {
        assertThat(check("POLYGON ((106 29, 107 29, 107 30, 106.5 29, 106 30, 106 29))"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.messageKey()).isEqualTo("error.geometry.self-intersection");
                    assertThat(p.args()).containsExactly(106.5, 29.0);
                });
    }

    @Test
    void ringTopologyProblemsHaveTheirOwnKeys() throws Exception {
        assertThat(check("POLYGON ((106 29, 107 29, 107 30, 106 30, 106 29), (108 29, 108.1 29, 108.1 29.1, 108 29))"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("error.geometry.hole-outside-shell");
        assertThat(check("POLYGON ((106 29, 107 29, 107 30, 106 30, 106 29),"
                        + " (106.1 29.1, 106.9 29.1, 106.9 29.9, 106.1 29.9, 106.1 29.1),"
                        + " (106.4 29.4, 106.6 29.4, 106.6 29.6, 106.4 29.4))"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("error.geometry.nested-holes");
        assertThat(check("POLYGON ((106 29, 107 29, 107 30, 106 30, 106 29),"
                        + " (106.5 29, 107 29.5, 106.5 30, 106 29.5, 106.5 29))"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("error.geometry.disconnected-interior");
    }

    @Test
    void nestedPartsOfAMultiPolygonAreLocatedAtTheMultiPolygon() throws Exception {
        assertThat(check("MULTIPOLYGON (((106 29, 107 29, 107 30, 106 30, 106 29)),"
                        + " ((106.4 29.4, 106.6 29.4, 106.6 29.6, 106.4 29.4)))"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/coordinates");
                    assertThat(p.messageKey()).isEqualTo("error.geometry.nested-shells");
                });
        // A bad part is reported at the part, not again for the whole.
        assertThat(check("MULTIPOLYGON (((106 29, 106.1 29, 106.1 29.1, 106 29)),"
                        + " ((107 29, 108 30, 108 29, 107 30, 107 29)))"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/coordinates/1");
                    assertThat(p.messageKey()).isEqualTo("error.geometry.self-intersection");
                });
    }

    @Test
    void aPositionOutsideChinaIsLocatedToItsVertex() throws Exception {
        assertThat(check("POLYGON ((106 29, 107 29, 139.7 35.7, 106 30, 106 29))"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/coordinates/0/2");
                    assertThat(p.messageKey()).isEqualTo("error.geometry.outside-china");
                    assertThat(p.args()).containsExactly(139.7, 35.7);
                });
        assertThat(check("MULTIPOINT ((106 29), (2.35 48.86))"))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/coordinates/1", "error.geometry.outside-china"));
    }

    @Test
    void coordinatesThatFitOnlyWhenSwappedAreReportedAsSwapped() throws Exception {
        assertThat(check("POINT (29.8 105.9)")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("/coordinates");
            assertThat(p.messageKey()).isEqualTo("error.geometry.lat-lon-swapped");
            assertThat(p.args()).containsExactly(29.8, 105.9);
        });
        // Each ring reports its first bad vertex once, not every vertex.
        assertThat(check(
                        "POLYGON ((29 106, 29 107, 30 107, 29 106), (29.5 106.8, 29.7 106.8, 29.7 106.9, 29.5 106.8))"))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/coordinates/0/0", "error.geometry.lat-lon-swapped"),
                        org.assertj.core.groups.Tuple.tuple("/coordinates/1/0", "error.geometry.lat-lon-swapped"));
        // Valid neither way: plain outside China.
        assertThat(check("POINT (30 40)"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("error.geometry.outside-china");
    }

    @Test
    void membersOfACollectionAreLocatedUnderGeometries() throws Exception {
        assertThat(check("GEOMETRYCOLLECTION (POINT (106 29), LINESTRING (106 29, 29.5 106.5))"))
                .extracting(FieldProblem::field)
                .containsExactly("/geometries/1/coordinates/1");
    }

    @Test
    void extentBordersAreInclusive() {
        assertThat(GeometryRules.isInsideChina(73, 3)).isTrue();
        assertThat(GeometryRules.isInsideChina(136, 54)).isTrue();
        assertThat(GeometryRules.isInsideChina(72.99, 30)).isFalse();
        assertThat(GeometryRules.isInsideChina(110, 54.01)).isFalse();
    }

    @Test
    void requireValidThrowsTheProblems() throws Exception {
        Geometry bowTie = new WKTReader().read("POLYGON ((106 29, 107 30, 107 29, 106 30, 106 29))");
        assertThatThrownBy(() -> GeometryRules.requireValid(bowTie))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("error.geometry.self-intersection"));
        assertThatNoException()
                .isThrownBy(() -> GeometryRules.requireValid(new WKTReader().read("POINT (106.5 29.5)")));
    }
}
