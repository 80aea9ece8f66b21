package cn.mingjie.gazetteer.approval;

import java.time.LocalDate;

/**
 * A public announcement (公告) of an approved case with the six required fields: standard name,
 * romanization, administrative area, location description, approving authority, approval date.
 */
public record Announcement(
        long caseId,
        String kind,
        String standardName,
        String romanization,
        String administrativeArea,
        String locationDescription,
        String approvingAuthority,
        String approvalDocument,
        LocalDate approvalDate,
        String previousName) {}
