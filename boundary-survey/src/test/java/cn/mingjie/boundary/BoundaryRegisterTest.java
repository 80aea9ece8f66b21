package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Lines, markers, imports, inspections and disputes on the real PostGIS with the real district polygons. */
@SpringJUnitConfig(BoundaryTestConfig.class)
class BoundaryRegisterTest {

    static final String TONGNAN = "500152000000";
    static final String TONGLIANG = "500151000000";
    static final ChangeContext WHO = new ChangeContext("inspector", "测试");
    static final List<MarkerChange.Applicant> BOTH = List.of(
            new MarkerChange.Applicant(TONGLIANG, "铜梁区民政局 张三"), new MarkerChange.Applicant(TONGNAN, "潼南区民政局 李四"));

    @Autowired
    BoundaryLines lines;

    @Autowired
    MarkerRegister markers;

    @Autowired
    BoundaryChecks checks;

    @Autowired
    SurveyImport surveyImport;

    @Autowired
    Inspections inspections;

    @Autowired
    Disputes disputes;

    @Autowired
    LineDescriptions descriptions;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void derivesTheTongnanTongliangLineFromTheSharedEdgeOfTheRealPolygons() {
        LineString edge = lines.sharedEdge(TONGNAN, TONGLIANG).orElseThrow();
        // Runs more north–south than east–west, so it is numbered from its northern end: the 三交点 with 合川区.
        assertThat(edge.getStartPoint().toText()).isEqualTo("POINT (105.977924 30.063738)");
        assertThat(edge.getEndPoint().toText()).isEqualTo("POINT (105.774048 29.814016)");
        LineMeasure m = BoundaryLines.measure(edge);
        assertThat(m.geodesicLength()).isCloseTo(69_856.0, within(30.0)); // PostGIS geography: 69 856 m
        assertThat(m.segments()).extracting(LineMeasure.Segment::zone).containsExactly(35);
        assertThat(m.segments().get(0).epsgWithPrefix()).isEqualTo(4523);
        assertThat(m.segments().get(0).epsgWithoutPrefix()).isEqualTo(4544);

        BoundaryLine line = lines.create(
                new NewLine(
                        "500151500152X",
                        "潼南区—铜梁区",
                        3,
                        List.of(TONGLIANG, TONGNAN),
                        null,
                        LegalStatus.AGREED,
                        edge,
                        "derived:shared-edge:tianditu",
                        "测试"),
                WHO);
        assertThat(line.derived()).isTrue();
        assertThat(line.geometry().equalsExact(edge)).isTrue();
        assertThat(audit.history("boundary-line", String.valueOf(line.id())))
                .extracting(e -> e.action())
                .containsExactly("create");
        assertThat(checks.sharedEdge(line, CheckSettings.DEFAULTS)).isEmpty();
    }

    @Test
    void aRealLineAcrossTheZoneEdgeIsMeasuredInBothZones() {
        // 北碚区—合川区 crosses 106.5°E, the edge between GK zones 35 and 36.
        LineString edge = lines.sharedEdge("500109000000", "500117000000").orElseThrow();
        LineMeasure m = BoundaryLines.measure(edge);
        assertThat(m.segments()).extracting(LineMeasure.Segment::zone).containsExactly(35, 36);
        assertThat(m.segments()).extracting(LineMeasure.Segment::epsgWithPrefix).containsExactly(4523, 4524);
        assertThat(m.planeLength()).isCloseTo(m.geodesicLength(), within(m.geodesicLength() * 3e-4));
        assertThat(m.geodesicLength()).isCloseTo(70_356.0, within(40.0));
    }

    @Test
    void rejectsLinesThatAreNotLinesBetweenUnits() {
        LineString bad = CheckGoldenTest.line("LINESTRING (0 0, 1 1)");
        assertThatThrownBy(() -> lines.create(
                        new NewLine("bad code", "", 3, List.of(TONGNAN), null, null, bad, null, null), WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("code", "name", "parties", "geometry", "legalStatus"));
    }

    @Test
    void markersChangeOnlyThroughAnApprovedJointApplicationAndAnIllegalMoveHasNoEffect() {
        BoundaryLine line = tongnanTongliang("M1");
        Coordinate onLine = line.geometry().getCoordinateN(3);
        MarkerChange.Proposal add = new MarkerChange.Proposal(
                1,
                'Q',
                onLine.x,
                onLine.y,
                312.5,
                "花岗岩",
                LocalDate.of(2010, 6, 1),
                TONGNAN,
                List.of(new ReferenceObject("电杆", 45.0, 12.3)));
        // One side alone cannot apply.
        assertThatThrownBy(() -> markers.apply(line.id(), null, "add", add, BOTH.subList(0, 1), WHO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                                e.problems().get(0).messageKey())
                        .isEqualTo("error.boundary.joint-application"));
        MarkerChange pending = markers.apply(line.id(), null, "add", add, BOTH, WHO);
        assertThat(markers.list(line.id())).isEmpty();
        assertThatThrownBy(() -> markers.approve(pending.id(), "批复1", "0.0", WHO))
                .isInstanceOf(VersionConflictException.class);
        Marker m = markers.approve(pending.id(), "渝民函〔2025〕1号", pending.versionTag(), WHO);
        assertThat(m.number()).isEqualTo(line.code() + "001Q");
        assertThat(m.condition()).isEqualTo("新设");
        assertThat(m.references()).containsExactly(new ReferenceObject("电杆", 45.0, 12.3));
        assertThat(PlaneCoordinates.of(m.position()).epsgWithPrefix()).isEqualTo(4523);
        assertThat(PlaneCoordinates.of(m.position()).prefixedEasting()).isBetween(35_500_000.0, 35_600_000.0);

        // Found 30 m away on the ground: recorded as 移位, the recorded position stays.
        Marker moved = markers.recordCondition(m.id(), "移位", LocalDate.of(2025, 3, 1), "被施工移动", m.versionTag(), WHO);
        assertThat(moved.position().equalsExact(m.position())).isTrue();
        markers.addSurvey(m.id(), LocalDate.of(2025, 3, 2), onLine.x + 0.0003, onLine.y, null, 0.02, "RTK", null, WHO);
        assertThat(markers.get(m.id()).position().equalsExact(m.position())).isTrue();
        assertThat(checks.checkLine(line.id(), CheckSettings.DEFAULTS))
                .extracting(CheckFinding::check)
                .contains("displacement-from-record");

        // Only an approved re-survey (move) changes the recorded position.
        MarkerChange move = markers.apply(
                line.id(),
                m.id(),
                "move",
                new MarkerChange.Proposal(null, null, onLine.x, onLine.y + 0.00001, null, null, null, null, null),
                BOTH,
                WHO);
        Marker after = markers.approve(move.id(), "渝民函〔2025〕2号", move.versionTag(), WHO);
        assertThat(after.position().getY()).isCloseTo(onLine.y + 0.00001, within(1e-9));
        assertThat(markers.conditionHistory(m.id()))
                .extracting(MarkerRegister.ConditionEntry::condition)
                .containsExactly("新设", "移位", "完好");
        assertThat(audit.history("boundary-marker", String.valueOf(m.id())))
                .extracting(e -> e.action())
                .containsExactly("add", "condition", "survey", "move");
    }

    @Test
    void importsRtkPointsAllOrNothingAndSaysWhatIsWrongWithEachRow() {
        BoundaryLine line = tongnanTongliang("I1");
        Coordinate c1 = line.geometry().getCoordinateN(2);
        Coordinate c2 = line.geometry().getCoordinateN(6);
        Marker m1 = addMarker(line, 1, c1);
        Marker m2 = addMarker(line, 2, c2);
        String n1 = m1.number();
        String n2 = m2.number();
        // 4490: good rows a few centimetres from the markers.
        String good = "name,lon,lat,height,accuracy\n%s,%.8f,%.8f,300.1,0.02\n%s,%.8f,%.8f,,0.03\n"
                .formatted(n1, c1.x + 2e-7, c1.y, n2, c2.x, c2.y + 2e-7);
        // One bad row makes the whole file fail, with nothing saved.
        String swapped = "name,lon,lat,height,accuracy\n%s,%.8f,%.8f,300.1,0.02\n%s,%.8f,%.8f,,0.03\n"
                .formatted(n1, c1.x, c1.y, n2, c2.y, c2.x);
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(), swapped, 4490, LocalDate.of(2025, 5, 1), CheckSettings.DEFAULTS, WHO)))
                .containsExactly("rows/2:error.boundary.import-swapped");
        assertThat(markers.surveys(m1.id())).isEmpty();

        // GK zone 35 with prefix: X northing, Y easting.
        PlaneCoordinates p1 = PlaneCoordinates.of(m1.position());
        PlaneCoordinates p2 = PlaneCoordinates.of(m2.position());
        String gk = "name,northing,easting,height,accuracy\n%s,%.3f,%.3f,300,0.02\n%s,%.3f,%.3f,300,0.02\n"
                .formatted(n1, p1.northing(), p1.prefixedEasting(), n2, p2.northing(), p2.prefixedEasting());
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(), gk, 4524, LocalDate.of(2025, 5, 1), CheckSettings.DEFAULTS, WHO)))
                .containsExactly("rows/1:error.boundary.import-wrong-zone", "rows/2:error.boundary.import-wrong-zone");
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(), gk, 4544, LocalDate.of(2025, 5, 1), CheckSettings.DEFAULTS, WHO)))
                .containsExactly(
                        "rows/1:error.boundary.import-prefixed-easting",
                        "rows/2:error.boundary.import-prefixed-easting");
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(),
                        good.replace("name,lon,lat", "name,northing,easting"),
                        4523,
                        LocalDate.of(2025, 5, 1),
                        CheckSettings.DEFAULTS,
                        WHO)))
                .containsExactly(
                        "rows/1:error.boundary.import-wrong-crs-geographic",
                        "rows/2:error.boundary.import-wrong-crs-geographic");
        String swappedGk = "name,northing,easting,height,accuracy\n%s,%.3f,%.3f,300,0.02\n"
                .formatted(n1, p1.prefixedEasting(), p1.northing());
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(), swappedGk, 4523, LocalDate.of(2025, 5, 1), CheckSettings.DEFAULTS, WHO)))
                .containsExactly("rows/1:error.boundary.import-swapped");
        String farAndDuplicate =
                "name,lon,lat,height,accuracy\n%s,%.8f,%.8f,,0.02\n%s,%.8f,%.8f,,0.02\nX999Q,%.8f,%.8f,,0.02\n"
                        .formatted(n1, c1.x + 0.001, c1.y, n1, c1.x, c1.y, c2.x, c2.y);
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(), farAndDuplicate, 4490, LocalDate.of(2025, 5, 1), CheckSettings.DEFAULTS, WHO)))
                .containsExactly(
                        "rows/1:error.boundary.import-far",
                        "rows/2/name:error.boundary.import-duplicate-name",
                        "rows/3/name:error.boundary.import-unknown-marker");
        assertThat(markers.surveys(m1.id())).isEmpty();
        assertThat(problems(() -> surveyImport.importCsv(
                        line.id(),
                        "name,lon,lat,height,accuracy\n\"%s,%.8f,%.8f,,0.02\n".formatted(n1, c1.x, c1.y),
                        4490,
                        LocalDate.of(2025, 5, 1),
                        CheckSettings.DEFAULTS,
                        WHO)))
                .containsExactly("csv:error.boundary.import-csv");

        SurveyImport.Result ok =
                surveyImport.importCsv(line.id(), good, 4490, LocalDate.of(2025, 5, 1), CheckSettings.DEFAULTS, WHO);
        assertThat(ok.imported()).isEqualTo(2);
        assertThat(markers.surveys(m1.id())).singleElement().satisfies(s -> assertThat(s.accuracy())
                .isEqualTo(0.02));
        SurveyImport.Result gkOk =
                surveyImport.importCsv(line.id(), gk, 4523, LocalDate.of(2025, 6, 1), CheckSettings.DEFAULTS, WHO);
        assertThat(gkOk.surveys().get(0).position().getX())
                .isCloseTo(m1.position().getX(), within(1e-8));
    }

    @Test
    void inspectionsFollowTheFiveYearCycleAndSignOffWaitsForTheChecks() {
        BoundaryLine line = tongnanTongliang("J1");
        Coordinate c = line.geometry().getCoordinateN(2);
        // 0.0002° off the line: a failing Q check.
        Marker m = addMarker(line, 1, new Coordinate(c.x + 0.0002, c.y));
        assertThat(inspections.due(2025)).extracting(Inspections.Due::lineId).contains(line.id());
        Inspection first = inspections.planNextRound(line.id(), 2025, WHO);
        assertThat(first.leadCode()).isEqualTo(TONGLIANG);
        Inspection conducted = inspections.conduct(
                first.id(),
                new Inspections.Conduct("铜梁组", "潼南组", LocalDate.of(2025, 4, 1), "资料齐全", "实地踏勘"),
                first.versionTag(),
                WHO);
        var f1 =
                inspections.addMarkerFinding(first.id(), m.id(), "损坏", c.x + 0.0002, c.y, 0.03, "桩体裂缝", "phone-1", WHO);
        var again =
                inspections.addMarkerFinding(first.id(), m.id(), "损坏", c.x + 0.0002, c.y, 0.03, "桩体裂缝", "phone-1", WHO);
        assertThat(again.id()).isEqualTo(f1.id());
        inspections.addOtherFinding(first.id(), "跨界建设", "新修道路跨越界线", c.x, c.y, "phone-2", WHO);
        Inspection withFindings = inspections.get(first.id());
        assertThat(withFindings.markerFindings()).hasSize(1);
        assertThat(withFindings.otherFindings()).hasSize(1);

        assertThat(problems(() -> inspections.signOff(
                        first.id(), TONGLIANG, "张三", withFindings.versionTag(), CheckSettings.DEFAULTS, WHO)))
                .containsExactly("checks/q-off-line:" + m.number() + ":error.boundary.check-failed");
        Inspection ack = inspections.acknowledge(
                first.id(),
                List.of("q-off-line:" + m.number()),
                withFindings.versionTag(),
                new ChangeContext("inspector", "双方确认界桩位于界线旁，为历史埋设"));
        Inspection one =
                inspections.signOff(first.id(), TONGLIANG, "张三", ack.versionTag(), CheckSettings.DEFAULTS, WHO);
        assertThat(one.status()).isEqualTo("open");
        Inspection both = inspections.signOff(first.id(), TONGNAN, "李四", one.versionTag(), CheckSettings.DEFAULTS, WHO);
        assertThat(both.status()).isEqualTo("signed");
        assertThat(markers.get(m.id()).condition()).isEqualTo("损坏");
        assertThat(inspections.due(2026)).extracting(Inspections.Due::lineId).doesNotContain(line.id());
        assertThat(inspections.due(2030)).extracting(Inspections.Due::lineId).contains(line.id());

        Inspection second = inspections.planNextRound(line.id(), null, WHO);
        assertThat(second.roundYear()).isEqualTo(2030);
        assertThat(second.leadCode()).isEqualTo(TONGNAN); // sides swap each round
        assertThat(second.supportingCode()).isEqualTo(TONGLIANG);
        assertThat(conducted.status()).isEqualTo("open");
    }

    @Test
    void anOpenDisputeFreezesTheLineUntilItIsDecided() {
        BoundaryLine line = tongnanTongliang("D1");
        Dispute d = disputes.open(
                line.id(), "某村山林权属界线争议", List.of(TONGLIANG, TONGNAN), null, LocalDate.of(2025, 1, 10), WHO);
        BoundaryLine disputed = lines.get(line.id());
        assertThat(disputed.legalStatus()).isEqualTo(LegalStatus.DISPUTED);
        assertThat(problems(() -> lines.update(
                        line.id(),
                        new LineUpdate(
                                null, null, null, CheckGoldenTest.line("LINESTRING (105.9 30, 105.8 29.9)"), null),
                        disputed.versionTag(),
                        WHO)))
                .containsExactly("geometry:error.boundary.frozen-by-dispute");
        Coordinate c = line.geometry().getCoordinateN(2);
        assertThat(problems(() -> markers.apply(
                        line.id(),
                        null,
                        "add",
                        new MarkerChange.Proposal(1, 'Q', c.x, c.y, null, null, null, null, null),
                        BOTH,
                        WHO)))
                .containsExactly("lineId:error.boundary.frozen-by-dispute");
        disputes.addClaim(d.id(), TONGNAN, CheckGoldenTest.line("LINESTRING (105.9 30, 105.91 30.01)"), "潼南主张", WHO);
        assertThat(problems(() -> disputes.advance(d.id(), "decision", null, d.versionTag(), WHO)))
                .containsExactly("status:error.boundary.dispute-stage");
        Dispute claimed = disputes.get(d.id());
        Dispute mediation = disputes.advance(d.id(), "mediation", null, claimed.versionTag(), WHO);
        assertThat(problems(() -> disputes.advance(d.id(), "closed", null, mediation.versionTag(), WHO)))
                .containsExactly("decisionRef:error.boundary.decision-ref");
        disputes.advance(d.id(), "closed", "调解协议书〔2025〕3号", mediation.versionTag(), WHO);
        assertThat(lines.get(line.id()).legalStatus()).isEqualTo(LegalStatus.AGREED);
        assertThat(disputes.get(d.id()).claims()).hasSize(1);

        var agreement = disputes.addAgreement(
                line.id(), "潼南—铜梁平安边界协议", LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 1), "采石场靠近界桩", WHO);
        assertThat(disputes.agreements(LocalDate.of(2026, 6, 30)))
                .extracting(Disputes.PeaceAgreement::id)
                .contains(agreement.id());
        assertThat(disputes.agreements(LocalDate.of(2025, 6, 30)))
                .extracting(Disputes.PeaceAgreement::id)
                .doesNotContain(agreement.id());
    }

    @Test
    void describesARealLineFromItsMarkers() {
        BoundaryLine line = tongnanTongliang("W1");
        addMarker(line, 1, line.geometry().getCoordinateN(0));
        addMarker(line, 2, line.geometry().getCoordinateN(10));
        DirectionDescription d = descriptions.describe(line.id());
        assertThat(d.legs()).hasSize(2);
        assertThat(d.legs().get(0).from()).isEqualTo(line.code() + "001Q");
        assertThat(d.legs().get(1).to()).isEqualTo("终点");
        double total = d.legs().stream()
                .mapToDouble(DirectionDescription.Leg::alongLine)
                .sum();
        assertThat(total).isCloseTo(BoundaryLines.measure(line.geometry()).geodesicLength(), within(1.0));
        assertThat(d.textZh()).contains("号界桩起").contains("真方位角");
    }

    @Test
    void coverageChecksFindSliversOverlapsAndUnitsOutsideTheirParent() {
        insertUnit("991000000000", null, 2, "POLYGON ((105 30, 105.1 30, 105.1 30.1, 105 30.1, 105 30))");
        // Vertices where the neighbour's edge turns: valid apart from the gap, as CoverageGapFinder needs.
        insertUnit(
                "991001000000",
                "991000000000",
                3,
                "POLYGON ((105 30, 105.05 30, 105.05 30.01, 105.05 30.09, 105.05 30.1, 105 30.1, 105 30))");
        // A 0.0002° (19 m) by 0.08° sliver enclosed between the two halves.
        insertUnit(
                "991002000000",
                "991000000000",
                3,
                "POLYGON ((105.05 30, 105.1 30, 105.1 30.1, 105.05 30.1, 105.05 30.09, 105.0502 30.09,"
                        + " 105.0502 30.01, 105.05 30.01, 105.05 30))");
        List<CheckFinding> sliver = new CoverageChecks(jdbc).check("991000000000", 3, CheckSettings.DEFAULTS);
        assertThat(sliver).extracting(CheckFinding::check).contains("coverage-sliver");
        CheckFinding s = sliver.stream()
                .filter(f -> f.check().equals("coverage-sliver"))
                .findFirst()
                .orElseThrow();
        assertThat(s.measured()).isCloseTo(0.0002 * 96_489 * 0.08 * 110_852, within(2_000.0));

        insertUnit("992000000000", null, 2, "POLYGON ((105 30, 105.1 30, 105.1 30.1, 105 30.1, 105 30))");
        insertUnit("992001000000", "992000000000", 3, "POLYGON ((105 30, 105.05 30, 105.05 30.1, 105 30.1, 105 30))");
        // Overlaps its neighbour by 0.001° and sticks out of the parent by 0.001° to the east.
        insertUnit(
                "992002000000",
                "992000000000",
                3,
                "POLYGON ((105.049 30, 105.101 30, 105.101 30.1, 105.049 30.1, 105.049 30))");
        List<CheckFinding> bad = new CoverageChecks(jdbc).check("992000000000", 3, CheckSettings.DEFAULTS);
        assertThat(bad).extracting(CheckFinding::check).contains("coverage-edge", "coverage-overlap", "outside-parent");
        CheckFinding overlap = bad.stream()
                .filter(f -> f.check().equals("coverage-overlap"))
                .findFirst()
                .orElseThrow();
        assertThat(overlap.subject()).isEqualTo("992001000000/992002000000");
        assertThat(overlap.measured()).isCloseTo(0.001 * 96_489 * 0.1 * 110_852, within(10_000.0));

        // The real district polygons of 重庆市 share their edges exactly: no overlaps.
        assertThat(new CoverageChecks(jdbc).check("500000000000", 3, CheckSettings.DEFAULTS))
                .extracting(CheckFinding::check)
                .doesNotContain("coverage-overlap");
    }

    private void insertUnit(String code, String parent, int level, String wkt) {
        jdbc.update(
                "insert into geo.division_version (code, name, level, parent_code, valid_from, geom, geom_source, source)"
                        + " values (?, ?, ?, ?, '2020-01-01', st_multi(st_geomfromtext(?, 4490)), 'test', 'test')",
                code,
                "测试" + code,
                level,
                parent,
                wkt);
    }

    private BoundaryLine tongnanTongliang(String suffix) {
        LineString edge = lines.sharedEdge(TONGNAN, TONGLIANG).orElseThrow();
        return lines.create(
                new NewLine(
                        "500151500152" + suffix,
                        "潼南区—铜梁区",
                        3,
                        List.of(TONGLIANG, TONGNAN),
                        null,
                        LegalStatus.AGREED,
                        edge,
                        "derived:shared-edge:tianditu",
                        null),
                WHO);
    }

    private Marker addMarker(BoundaryLine line, int seq, Coordinate at) {
        MarkerChange c = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(seq, 'Q', at.x, at.y, null, "花岗岩", null, null, null),
                BOTH,
                WHO);
        return markers.approve(c.id(), "批复", c.versionTag(), WHO);
    }

    private static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.problems().stream()
                    .map(p -> p.field() + ":" + p.messageKey())
                    .toList();
        }
        throw new AssertionError("expected a ValidationException");
    }
}
