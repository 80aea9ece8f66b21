package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The re-survey step: a re-measured finding beyond the displacement tolerance becomes a joint move
 * application; the recorded position stays until it is approved, and then it is the measured one.
 */
@SpringJUnitConfig(BoundaryTestConfig.class)
class ResurveyTest {

    static final String TONGNAN = BoundaryRegisterTest.TONGNAN;
    static final String TONGLIANG = BoundaryRegisterTest.TONGLIANG;
    static final ChangeContext WHO = new ChangeContext("inspector", "复测测试");

    @Autowired
    BoundaryLines lines;

    @Autowired
    MarkerRegister markers;

    @Autowired
    Inspections inspections;

    @Autowired
    Resurveys resurveys;

    @Autowired
    AuditLog audit;

    @Test
    void aFindingBeyondTheToleranceBecomesAMoveApplicationThatMovesTheMarkerOnlyWhenApproved() {
        var edge = lines.sharedEdge(TONGNAN, TONGLIANG).orElseThrow();
        BoundaryLine line = lines.create(
                new NewLine(
                        "500151500152RS",
                        "潼南区—铜梁区（复测测试）",
                        3,
                        List.of(TONGLIANG, TONGNAN),
                        null,
                        LegalStatus.AGREED,
                        edge,
                        "derived:shared-edge:tianditu",
                        null),
                WHO);
        Coordinate c = edge.getCoordinateN(5);
        MarkerChange add = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(1, 'Q', c.x, c.y, 300.0, "花岗岩", LocalDate.of(2010, 5, 1), TONGNAN, null),
                BoundaryRegisterTest.BOTH,
                WHO);
        Marker marker = markers.approve(add.id(), "批复", add.versionTag(), WHO);
        Inspection i = inspections.planNextRound(line.id(), 2025, WHO);
        i = inspections.conduct(
                i.id(),
                new Inspections.Conduct("铜梁区队", "潼南区队", LocalDate.of(2025, 6, 3), "资料齐全", "全线踏勘"),
                i.versionTag(),
                WHO);
        // ≈ 0.96 m east (RTK, σ 0.05 m): within 2·√(1.0² + 0.05²) = 2.00 m. ≈ 2.9 m east: beyond it.
        Inspection.MarkerFinding near =
                inspections.addMarkerFinding(i.id(), marker.id(), "完好", c.x + 0.00001, c.y, 0.05, "复测", "rs-near", WHO);
        Inspection.MarkerFinding far = inspections.addMarkerFinding(
                i.id(), marker.id(), "移位", c.x + 0.00003, c.y, 0.05, "桩被移动", "rs-far", WHO);
        Inspection.MarkerFinding noCoordinates =
                inspections.addMarkerFinding(i.id(), marker.id(), "完好", null, null, null, null, "rs-none", WHO);

        List<Resurveys.Resurvey> measured = resurveys.ofInspection(i.id(), CheckSettings.DEFAULTS);
        assertThat(measured).extracting(Resurveys.Resurvey::findingId).containsExactly(near.id(), far.id());
        assertThat(measured.get(0).exceedsTolerance()).isFalse();
        assertThat(measured.get(1).exceedsTolerance()).isTrue();
        assertThat(measured.get(1).displacement()).isCloseTo(2.9, within(0.1));
        assertThat(measured.get(1).tolerance()).isCloseTo(2.0025, within(0.001));

        assertThatThrownBy(() ->
                        resurveys.applyMove(near.id(), BoundaryRegisterTest.BOTH, null, CheckSettings.DEFAULTS, WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(
                                ex.problems().get(0).messageKey())
                        .isEqualTo("error.boundary.resurvey-within-tolerance"));
        assertThatThrownBy(() -> resurveys.applyMove(
                        noCoordinates.id(), BoundaryRegisterTest.BOTH, null, CheckSettings.DEFAULTS, WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(
                                ex.problems().get(0).messageKey())
                        .isEqualTo("error.boundary.resurvey-no-position"));
        // One side alone cannot apply.
        assertThatThrownBy(() -> resurveys.applyMove(
                        far.id(),
                        List.of(new MarkerChange.Applicant(TONGNAN, "李四")),
                        null,
                        CheckSettings.DEFAULTS,
                        WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(
                                ex.problems().get(0).messageKey())
                        .isEqualTo("error.boundary.joint-application"));

        MarkerChange move =
                resurveys.applyMove(far.id(), BoundaryRegisterTest.BOTH, 301.5, CheckSettings.DEFAULTS, WHO);
        assertThat(move.kind()).isEqualTo("move");
        assertThat(move.findingId()).isEqualTo(far.id());
        assertThat(move.proposed().lon()).isEqualTo(c.x + 0.00003);
        assertThat(move.proposed().lat()).isEqualTo(c.y);
        assertThat(move.status()).isEqualTo("pending");
        assertThatThrownBy(() ->
                        resurveys.applyMove(far.id(), BoundaryRegisterTest.BOTH, null, CheckSettings.DEFAULTS, WHO))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(
                                ex.problems().get(0).messageKey())
                        .isEqualTo("error.boundary.resurvey-applied"));

        // Until approval the moved marker has no legal effect: the recorded position stays.
        assertThat(markers.get(marker.id()).position().getCoordinate()).isEqualTo(c);
        assertThat(resurveys.ofFinding(far.id(), CheckSettings.DEFAULTS).changeStatus())
                .isEqualTo("pending");

        Marker moved = markers.approve(move.id(), "渝民复〔2025〕1号", move.versionTag(), WHO);
        assertThat(moved.position().getX()).isEqualTo(c.x + 0.00003);
        assertThat(moved.position().getY()).isEqualTo(c.y);
        assertThat(moved.elevation()).isEqualTo(301.5);
        Resurveys.Resurvey after = resurveys.ofFinding(far.id(), CheckSettings.DEFAULTS);
        assertThat(after.changeStatus()).isEqualTo("approved");
        assertThat(after.displacement()).isLessThan(0.001);
        assertThat(markers.conditionHistory(marker.id())
                        .get(markers.conditionHistory(marker.id()).size() - 1)
                        .note())
                .contains("re-survey from inspection finding " + far.id());
        assertThat(audit.history(MarkerRegister.ENTITY, String.valueOf(marker.id())))
                .extracting(e -> e.action())
                .containsExactly("add", "move");
    }
}
