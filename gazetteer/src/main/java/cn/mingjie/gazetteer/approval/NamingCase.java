package cn.mingjie.gazetteer.approval;

import cn.mingjie.gazetteer.rules.RuleFinding;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A naming (NAMING), renaming (RENAMING) or abolition (ABOLITION) case and where it stands:
 * APPLIED → REVIEWED → APPROVED → FILED → ANNOUNCED, or REJECTED. {@code findings} are the naming
 * rules' verdicts at the last check.
 */
public record NamingCase(
        long caseId,
        String versionTag,
        String kind,
        Long placeId,
        CaseProposal proposal,
        String reasons,
        String featureLocation,
        String featureScale,
        String featureNature,
        String protectionMeasures,
        String state,
        String applicant,
        OffsetDateTime appliedAt,
        String reviewedBy,
        String reviewOpinion,
        String approvedBy,
        String approvalAuthority,
        String approvalDocument,
        LocalDate approvalDate,
        LocalDate filingDue,
        String filedWith,
        LocalDate filedOn,
        LocalDate announcementDue,
        LocalDate announcedOn,
        String announcementRef,
        String rejectedReason,
        List<CaseReport> reports,
        List<RuleFinding> findings) {

    /** Filing or announcement is past its deadline on {@code today}. */
    public boolean overdue(LocalDate today) {
        boolean filingLate = "APPROVED".equals(state) && filingDue != null && today.isAfter(filingDue);
        boolean announcementLate = ("APPROVED".equals(state) || "FILED".equals(state))
                && announcementDue != null
                && today.isAfter(announcementDue);
        return filingLate || announcementLate;
    }
}
