package cn.mingjie.gazetteer.approval;

import java.time.OffsetDateTime;

/** One of the three reports a case needs: ASSESSMENT 综合评估, EXPERT_REVIEW 专家论证, CONSULTATION 征求意见. */
public record CaseReport(
        String kind, String title, String documentRef, String summary, String attachedBy, OffsetDateTime attachedAt) {

    public static final java.util.List<String> KINDS = java.util.List.of("ASSESSMENT", "EXPERT_REVIEW", "CONSULTATION");
}
