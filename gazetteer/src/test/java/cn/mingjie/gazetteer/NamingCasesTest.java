package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.gazetteer.approval.Announcement;
import cn.mingjie.gazetteer.approval.CaseProposal;
import cn.mingjie.gazetteer.approval.NamingCase;
import cn.mingjie.gazetteer.approval.NamingCases;
import cn.mingjie.gazetteer.protection.ProtectionAndSigns;
import cn.mingjie.gazetteer.protection.ProtectionEntry;
import cn.mingjie.gazetteer.protection.ProtectionEntryChange;
import cn.mingjie.geocore.audit.AuditEvent;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Every step of 申报 → 报告 → 审核 → 批准 → 备案 → 公告, and the steps refused. */
@SpringJUnitConfig(GazetteerTestContext.class)
class NamingCasesTest {

    static final ChangeContext EDITOR = new ChangeContext("editor", "申报");
    static final ChangeContext APPROVER = new ChangeContext("approver", "审批");
    static final LocalDate APPROVED_ON = LocalDate.of(2025, 3, 10);

    @Autowired
    NamingCases cases;

    @Autowired
    PlaceRegister register;

    @Autowired
    DivisionRegister divisions;

    @Autowired
    ProtectionAndSigns protection;

    @Autowired
    AuditLog audit;

    static CaseProposal road(String proper, String generic) {
        return new CaseProposal(
                proper,
                generic,
                proper.equals("滨江") ? "Binjiang Lu" : null,
                "25100",
                Places.ZITONG,
                "沿涪江而建，以滨江得名",
                "2024年新建道路",
                "南北走向城市主干路，长约1.2千米",
                "LINESTRING (105.78 30.18, 105.79 30.19)",
                "surveyed",
                "潼南区地名办");
    }

    NamingCase applied(CaseProposal p) {
        return cases.apply("NAMING", null, p, "新建道路需要命名", "梓潼街道涪江东岸", "长约1.2千米", "城市主干路", null, EDITOR);
    }

    NamingCase withReports(NamingCase c) {
        NamingCase x = c;
        x = cases.attachReport(x.caseId(), "ASSESSMENT", "命名综合评估报告", "潼南民〔2025〕1号", null, x.versionTag(), EDITOR);
        x = cases.attachReport(x.caseId(), "EXPERT_REVIEW", "专家论证意见", null, "一致同意", x.versionTag(), EDITOR);
        return cases.attachReport(x.caseId(), "CONSULTATION", "征求意见报告", null, "公示10日无异议", x.versionTag(), EDITOR);
    }

    @Test
    void aNamingGoesFromApplicationToAnnouncementAndEveryStepIsAudited() {
        NamingCase c = withReports(applied(road("滨江", "路")));
        assertThat(c.state()).isEqualTo("APPLIED");
        assertThat(c.reports()).hasSize(3);
        c = cases.review(c.caseId(), true, "符合命名规则", c.versionTag(), APPROVER);
        assertThat(c.state()).isEqualTo("REVIEWED");
        c = cases.approve(c.caseId(), "重庆市潼南区人民政府", "潼南府〔2025〕12号", APPROVED_ON, c.versionTag(), APPROVER);
        assertThat(c.state()).isEqualTo("APPROVED");
        assertThat(c.filingDue()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(c.announcementDue()).isEqualTo(LocalDate.of(2025, 3, 25));

        // The approval created the standard name, valid from the approval date.
        PlaceVersion created = register.get(c.placeId(), APPROVED_ON);
        assertThat(created.name()).isEqualTo("滨江路");
        assertThat(created.status()).isEqualTo("standard");
        assertThat(register.find(c.placeId(), APPROVED_ON.minusDays(1))).isEmpty();

        // Overdue on 2025-03-26 when neither filed nor announced; not the day before.
        long id = c.caseId();
        assertThat(cases.overdue(LocalDate.of(2025, 3, 25))).noneMatch(x -> x.caseId() == id);
        assertThat(cases.overdue(LocalDate.of(2025, 3, 26))).anyMatch(x -> x.caseId() == id);

        c = cases.file(id, "重庆市民政局", LocalDate.of(2025, 3, 20), c.versionTag(), EDITOR);
        c = cases.announce(id, LocalDate.of(2025, 3, 21), "潼南区人民政府公告2025年第3号", c.versionTag(), EDITOR);
        assertThat(c.state()).isEqualTo("ANNOUNCED");
        assertThat(cases.overdue(LocalDate.of(2025, 4, 30))).noneMatch(x -> x.caseId() == id);

        Announcement a = cases.announcement(id);
        assertThat(a.standardName()).isEqualTo("滨江路");
        assertThat(a.romanization()).isEqualTo("Binjiang Lu");
        assertThat(a.administrativeArea()).isEqualTo("重庆市潼南区梓潼街道");
        assertThat(a.locationDescription()).isEqualTo("梓潼街道涪江东岸");
        assertThat(a.approvingAuthority()).isEqualTo("重庆市潼南区人民政府");
        assertThat(a.approvalDate()).isEqualTo(APPROVED_ON);

        assertThat(audit.history(NamingCases.ENTITY, Long.toString(id)))
                .extracting(AuditEvent::action)
                .containsExactly(
                        "apply",
                        "attach-report:ASSESSMENT",
                        "attach-report:EXPERT_REVIEW",
                        "attach-report:CONSULTATION",
                        "review",
                        "approve",
                        "file",
                        "announce");
        assertThat(audit.history("place", Long.toString(c.placeId())))
                .extracting(AuditEvent::actor)
                .containsExactly("approver");
    }

    @Test
    void refusesStepsOutOfOrderAndBadApprovals() {
        NamingCase c = applied(road("云梯", "路"));
        long id = c.caseId();
        String tag = c.versionTag();
        // Approving before review, filing before approval: wrong state.
        assertThatThrownBy(() -> cases.approve(id, "潼南区人民政府", "潼南府〔2025〕13号", APPROVED_ON, tag, APPROVER))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("error.case.transition");
        assertThatThrownBy(() -> cases.file(id, "重庆市民政局", APPROVED_ON, tag, EDITOR))
                .isInstanceOf(InvalidTransitionException.class);
        // Review needs the three reports.
        assertThatThrownBy(() -> cases.review(id, true, null, tag, APPROVER))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("error.case.reports-missing");
        NamingCase ready = withReports(cases.get(id));
        // A stale tag is a conflict.
        assertThatThrownBy(() -> cases.review(id, true, null, tag, APPROVER))
                .isInstanceOf(VersionConflictException.class);
        NamingCase reviewed = cases.review(id, true, null, ready.versionTag(), APPROVER);
        // A malformed document number and a future date say where.
        assertThatThrownBy(() -> cases.approve(
                        id, "潼南区人民政府", "潼南府2025第12号", LocalDate.now().plusDays(3), reviewed.versionTag(), APPROVER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("approvalDocument", "approvalDate"));
        assertThat(cases.get(id).state()).isEqualTo("REVIEWED");
        // Announcement before filing, and an announcement export before approval.
        assertThatThrownBy(() -> cases.announcement(id)).isInstanceOf(InvalidTransitionException.class);
        NamingCase approved =
                cases.approve(id, "潼南区人民政府", "潼南府〔2025〕13号", APPROVED_ON, reviewed.versionTag(), APPROVER);
        assertThatThrownBy(() -> cases.announce(id, APPROVED_ON, null, approved.versionTag(), EDITOR))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> cases.file(id, "重庆市民政局", APPROVED_ON.minusDays(1), approved.versionTag(), EDITOR))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("filedOn"));
    }

    @Test
    void aDuplicateIsRefusedAtApplicationWithTheConflictingName() {
        NamingCase first = withReports(applied(road("重复", "路")));
        first = cases.review(first.caseId(), true, null, first.versionTag(), APPROVER);
        cases.approve(first.caseId(), "潼南区人民政府", "潼南府〔2025〕14号", APPROVED_ON, first.versionTag(), APPROVER);
        assertThatThrownBy(() -> applied(road("重复", "路"))).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems().get(0).messageKey()).isEqualTo("rule.duplicate");
            assertThat(e.problems().get(0).args()[3].toString()).contains("重复路");
        });
    }

    @Test
    void aRejectedCaseGoesNoFurther() {
        NamingCase c = applied(road("驳回", "路"));
        NamingCase rejected = cases.review(c.caseId(), false, "名称不妥", c.versionTag(), APPROVER);
        assertThat(rejected.state()).isEqualTo("REJECTED");
        assertThatThrownBy(() ->
                        cases.attachReport(c.caseId(), "ASSESSMENT", "评估", null, null, rejected.versionTag(), EDITOR))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void anApprovedRenameKeepsTheOldNameFindableAsHistorical() {
        PlaceVersion old = register.create(
                Places.road("东风", "路", "LINESTRING (105.76 30.17, 105.77 30.175)"),
                LocalDate.of(1980, 1, 1),
                "test",
                EDITOR);
        CaseProposal newName = new CaseProposal("琼江", "路", null, null, null, null, null, null, null, null, null);
        NamingCase c = cases.apply("RENAMING", old.placeId(), newName, "消除重名，体现地域文化", "梓潼街道", null, null, null, EDITOR);
        c = withReports(c);
        c = cases.review(c.caseId(), true, null, c.versionTag(), APPROVER);
        c = cases.approve(c.caseId(), "潼南区人民政府", "潼南府〔2025〕15号", APPROVED_ON, c.versionTag(), APPROVER);

        assertThat(register.get(old.placeId(), null).name()).isEqualTo("琼江路");
        assertThat(register.get(old.placeId(), null).meaning()).isEqualTo(old.meaning());
        assertThat(register.get(old.placeId(), APPROVED_ON.minusDays(1)).name()).isEqualTo("东风路");
        assertThat(register.list(new PlaceQuery("东风路", null, "500152", null, null, true, 10, 0)))
                .extracting(PlaceVersion::name)
                .containsExactly("琼江路");
        assertThat(register.place(old.placeId()).historicalNames())
                .extracting(HistoricalName::name)
                .containsExactly("东风路");
        Announcement a = cases.announcement(c.caseId());
        assertThat(a.previousName()).isEqualTo("东风路");
        assertThat(a.standardName()).isEqualTo("琼江路");
    }

    @Test
    void renamingADivisionRenamesItInTheDivisionRegister() {
        long placeId = register.placeOfDivision("500152108000").orElseThrow(); // 米心镇
        NamingCase c = cases.apply(
                "RENAMING",
                placeId,
                new CaseProposal("米心", "新镇", null, null, null, null, null, null, null, null, null),
                "测试区划更名",
                null,
                null,
                null,
                null,
                EDITOR);
        c = withReports(c);
        c = cases.review(c.caseId(), true, null, c.versionTag(), APPROVER);
        cases.approve(c.caseId(), "重庆市人民政府", "渝府〔2025〕3号", APPROVED_ON, c.versionTag(), APPROVER);
        assertThat(divisions.get("500152108000", null).name()).isEqualTo("米心新镇");
        assertThat(register.get(placeId, null).name()).isEqualTo("米心新镇");
        assertThat(register.get(placeId, APPROVED_ON.minusDays(1)).name()).isEqualTo("米心镇");
    }

    @Test
    void aProtectionEntryIsPublishedOnlyAfterItsCommentPeriodEnds() {
        ProtectionEntry e = protection.addEntry(
                new ProtectionEntry(
                        0,
                        null,
                        null,
                        "盐井沟",
                        "RURAL",
                        1,
                        "百年地名（测试）",
                        120,
                        "VANISHED",
                        null,
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 5, 31),
                        null,
                        "test"),
                EDITOR);
        ProtectionEntryChange onLastDay = new ProtectionEntryChange(
                null, null, null, null, null, null, null, null, null, LocalDate.of(2025, 5, 31));
        assertThatThrownBy(() -> protection.updateEntry(e.entryId(), onLastDay, e.versionTag(), EDITOR))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        x -> assertThat(x.problems().get(0).field()).isEqualTo("publishedOn"));
        assertThat(protection.entry(e.entryId()).publishedOn()).isNull();

        ProtectionEntry published = protection.updateEntry(
                e.entryId(),
                new ProtectionEntryChange(
                        null, null, null, null, null, null, "设说明牌", null, null, LocalDate.of(2025, 6, 1)),
                e.versionTag(),
                EDITOR);
        assertThat(published.publishedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(published.measures()).isEqualTo("设说明牌");
        assertThat(published.commentTo()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(audit.history("protection-entry", Long.toString(e.entryId())))
                .extracting(AuditEvent::action)
                .containsExactly("create", "update");

        // Stale tag, and moving the comment period past the publication date, are both refused.
        assertThatThrownBy(() -> protection.updateEntry(
                        e.entryId(),
                        new ProtectionEntryChange(null, null, 2, null, null, null, null, null, null, null),
                        e.versionTag(),
                        EDITOR))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> protection.updateEntry(
                        e.entryId(),
                        new ProtectionEntryChange(
                                null, null, null, null, null, null, null, null, LocalDate.of(2025, 6, 15), null),
                        published.versionTag(),
                        EDITOR))
                .isInstanceOf(ValidationException.class);
        // Nor can an entry be added already published without a comment period.
        assertThatThrownBy(() -> protection.addEntry(
                        new ProtectionEntry(
                                0,
                                null,
                                null,
                                "石盘",
                                "RURAL",
                                1,
                                "测试",
                                null,
                                "IN_USE",
                                null,
                                null,
                                null,
                                LocalDate.of(2025, 6, 1),
                                "test"),
                        EDITOR))
                .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(
                                x.problems().get(0).messageKey())
                        .isEqualTo("error.protection.comment-missing"));
    }

    @Test
    void renamingAProtectedNameNeedsMeasuresAndAbolitionCeasesThePlace() {
        PlaceVersion old = register.create(
                Places.road("书院", "街", "POINT (105.785 30.185)"), LocalDate.of(1950, 1, 1), "test", EDITOR);
        protection.addEntry(
                new ProtectionEntry(
                        0,
                        null,
                        old.placeId(),
                        "书院街",
                        "DISTRICT",
                        1,
                        "清代书院旧址",
                        200,
                        "IN_USE",
                        null,
                        null,
                        null,
                        null,
                        "test"),
                EDITOR);
        CaseProposal renamed = new CaseProposal("文昌", "街", null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(
                        () -> cases.apply("RENAMING", old.placeId(), renamed, "片区改造", null, null, null, null, EDITOR))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("protectionMeasures"));
        NamingCase abolition =
                cases.apply("ABOLITION", old.placeId(), null, "街道已拆除", null, null, null, "原址设地名纪念标志", EDITOR);
        abolition = withReports(abolition);
        abolition = cases.review(abolition.caseId(), true, null, abolition.versionTag(), APPROVER);
        cases.approve(abolition.caseId(), "潼南区人民政府", "潼南府〔2025〕16号", APPROVED_ON, abolition.versionTag(), APPROVER);
        assertThat(register.place(old.placeId()).ceased()).isTrue();
        assertThat(cases.announcement(abolition.caseId()).standardName()).isEqualTo("书院街");
    }
}
