package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.boundary.internal.Wkb;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The 三交点 of 大足区, 铜梁区 and 潼南区 from the real district polygons, and a same-number triple at it. */
@SpringJUnitConfig(BoundaryTestConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JunctionTest {

    static final String DAZU = "500111000000";
    static final String TONGLIANG = "500151000000";
    static final String TONGNAN = "500152000000";
    static final String HECHUAN = "500117000000";
    static final String CHENGKOU = "500229000000";
    static final ChangeContext WHO = new ChangeContext("inspector", "测试三交点");

    @Autowired
    Junctions junctions;

    @Autowired
    BoundaryLines lines;

    @Autowired
    MarkerRegister markers;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void theThreePolygonsMeetAtOneSharedVertex() {
        assertThat(junctions.meetingPoints(DAZU, TONGLIANG, TONGNAN))
                .extracting(Point::toText)
                .containsExactly("POINT (105.774048 29.814016)");
        // 潼南区 and 铜梁区 meet 合川区 at the other end of their common line.
        assertThat(junctions.meetingPoints(TONGNAN, TONGLIANG, HECHUAN))
                .extracting(Point::toText)
                .containsExactly("POINT (105.977924 30.063738)");
        assertThat(junctions.meetingPoints(DAZU, TONGNAN, CHENGKOU)).isEmpty();
    }

    @Test
    @Order(2)
    void registersTheJunctionWithItsThreeLinesAndATripleMarkerGroup() {
        Point at = junctions.meetingPoints(DAZU, TONGLIANG, TONGNAN).get(0);
        BoundaryLine dazuTongliang = line("J500111500151", DAZU, TONGLIANG);
        BoundaryLine dazuTongnan = line("J500111500152", DAZU, TONGNAN);
        BoundaryLine tongliangTongnan = line("J500151500152", TONGLIANG, TONGNAN);

        Junction junction = junctions.create(
                new NewJunction(
                        "J500111500151500152",
                        "大足区—铜梁区—潼南区三交点",
                        3,
                        List.of(DAZU, TONGLIANG, TONGNAN),
                        at,
                        List.of(dazuTongliang.id(), dazuTongnan.id(), tongliangTongnan.id()),
                        "derived:shared-vertex:tianditu",
                        "测试"),
                WHO);
        assertThat(junction.parties()).containsExactly(DAZU, TONGLIANG, TONGNAN);
        assertThat(junction.lineIds())
                .containsExactlyInAnyOrder(dazuTongliang.id(), dazuTongnan.id(), tongliangTongnan.id());
        assertThat(junctions.list(TONGNAN)).extracting(Junction::code).contains("J500111500151500152");
        assertThat(audit.history(Junctions.ENTITY, String.valueOf(junction.id())))
                .extracting(e -> e.action())
                .containsExactly("create");

        // The same-number triple: 001C in 大足区, 001D in 铜梁区, 001E in 潼南区, around the junction.
        addMarker(dazuTongliang, 'C', insideNear(DAZU, at));
        addMarker(dazuTongliang, 'D', insideNear(TONGLIANG, at));
        Marker e = addMarker(dazuTongliang, 'E', insideNear(TONGNAN, at));
        assertThat(e.number()).isEqualTo("J500111500151001E");
        Junction linked = junctions.linkTriple(junction.id(), dazuTongliang.id(), 1, junction.versionTag(), WHO);
        assertThat(linked.markerNumbers())
                .containsExactly("J500111500151001C", "J500111500151001D", "J500111500151001E");
        assertThat(BoundaryChecks.numbering(dazuTongliang.code(), markers.list(dazuTongliang.id())))
                .isEmpty();
        assertThat(audit.history(Junctions.ENTITY, String.valueOf(junction.id())))
                .extracting(ev -> ev.action())
                .containsExactly("create", "link-triple");
    }

    @Test
    @Order(3)
    void refusesLinesOfOtherUnitsLinesThatEndElsewhereAndGroupsThatAreNotTriples() {
        Point at = junctions.meetingPoints(DAZU, TONGLIANG, TONGNAN).get(0);
        BoundaryLine tongnanHechuan = line("J500117500152", HECHUAN, TONGNAN);
        BoundaryLine dazuTongnan = lines.findByCode("J500111500152").orElseThrow();
        Point hundredMetresNorth = Wkb.FACTORY.createPoint(new Coordinate(at.getX(), at.getY() + 0.0009));
        assertThatThrownBy(() -> junctions.create(
                        new NewJunction(
                                "J-BAD",
                                "错误三交点",
                                3,
                                List.of(DAZU, TONGLIANG, TONGNAN),
                                hundredMetresNorth,
                                List.of(tongnanHechuan.id(), dazuTongnan.id()),
                                "manual",
                                null),
                        WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(
                                        "lineIds/0", "error.boundary.junction-line-parties"),
                                org.assertj.core.groups.Tuple.tuple("lineIds/1", "error.boundary.junction-line-far")));
        assertThat(junctions.findByCode("J-BAD")).isEmpty();

        // A pair (A/B) on a junction line is not a triple.
        Junction junction = junctions.findByCode("J500111500151500152").orElseThrow();
        addMarker(dazuTongnan, 'A', insideNear(DAZU, at));
        addMarker(dazuTongnan, 'B', insideNear(TONGNAN, at));
        assertThatThrownBy(() -> junctions.linkTriple(junction.id(), dazuTongnan.id(), 1, junction.versionTag(), WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(
                                ex.problems().get(0).messageKey())
                        .isEqualTo("error.boundary.junction-triple"));
    }

    @Test
    @Order(4)
    void linksALineToAJunctionWithItsETagAndRefusesOneThatDoesNotEndThere() {
        Point at = junctions.meetingPoints(TONGNAN, TONGLIANG, HECHUAN).get(0);
        BoundaryLine tongliangTongnan = lines.findByCode("J500151500152").orElseThrow();
        BoundaryLine tongnanHechuan = lines.findByCode("J500117500152").orElseThrow();
        Junction junction = junctions.create(
                new NewJunction(
                        "J500117500151500152",
                        "合川区—铜梁区—潼南区三交点",
                        3,
                        List.of(HECHUAN, TONGLIANG, TONGNAN),
                        at,
                        List.of(tongliangTongnan.id(), tongnanHechuan.id()),
                        "derived:shared-vertex:tianditu",
                        null),
                WHO);
        BoundaryLine hechuanTongliang = line("J500117500151", HECHUAN, TONGLIANG);
        BoundaryLine dazuTongnan = lines.findByCode("J500111500152").orElseThrow();

        assertThatThrownBy(() -> junctions.linkLine(junction.id(), hechuanTongliang.id(), "0.0", WHO))
                .isInstanceOf(VersionConflictException.class);
        // 大足区—潼南区 is not a line of this junction's units, and it ends 30 km away.
        assertThatThrownBy(() -> junctions.linkLine(junction.id(), dazuTongnan.id(), junction.versionTag(), WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("error.boundary.junction-line-parties"));

        Junction linked = junctions.linkLine(junction.id(), hechuanTongliang.id(), junction.versionTag(), WHO);
        assertThat(linked.lineIds()).hasSize(3).contains(hechuanTongliang.id());
        assertThat(linked.versionTag()).isNotEqualTo(junction.versionTag());
        assertThat(audit.history(Junctions.ENTITY, String.valueOf(junction.id())))
                .extracting(ev -> ev.action())
                .containsExactly("create", "link-line");
        assertThat(jdbc.queryForObject(
                        "select line_count from layers.boundary_junction where code = ?",
                        Integer.class,
                        "J500117500151500152"))
                .isEqualTo(3);
    }

    private BoundaryLine line(String code, String a, String b) {
        return lines.create(
                new NewLine(
                        code,
                        code,
                        3,
                        List.of(a, b),
                        null,
                        LegalStatus.AGREED,
                        lines.sharedEdge(a, b).orElseThrow(),
                        "derived:shared-edge:tianditu",
                        "测试"),
                WHO);
    }

    private Marker addMarker(BoundaryLine line, char type, Coordinate at) {
        List<MarkerChange.Applicant> sides = line.parties().stream()
                .map(code -> new MarkerChange.Applicant(code, "签署人"))
                .toList();
        MarkerChange change = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(1, type, at.x, at.y, null, "花岗岩", LocalDate.of(2024, 1, 1), null, null),
                sides,
                WHO);
        return markers.approve(change.id(), "测试批复", change.versionTag(), WHO);
    }

    /** A point inside the unit within about 50 m of the junction. */
    private Coordinate insideNear(String unit, Point junction) {
        return jdbc.queryForObject(
                "select st_x(p), st_y(p) from (select st_pointonsurface(st_intersection(geom,"
                        + " st_buffer(st_setsrid(st_makepoint(?, ?), 4490), 0.0005))) p"
                        + " from geo.division_version where code = ? and valid_to is null) s",
                (rs, i) -> new Coordinate(rs.getDouble(1), rs.getDouble(2)),
                junction.getX(),
                junction.getY(),
                unit);
    }
}
