package cn.mingjie.geocore.audit;

import java.time.OffsetDateTime;

/** One entry of the audit history; {@code before}/{@code after} are JSON documents. */
public record AuditEvent(
        long id,
        OffsetDateTime at,
        String actor,
        String entityType,
        String entityId,
        String action,
        String before,
        String after,
        String reason) {}
