package cn.mingjie.geocore.audit;

import cn.mingjie.geocore.edit.ChangeContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit history every write goes through: who, when, what (before and after as JSON), why. It
 * writes on the caller's connection, so an audit entry commits or rolls back with its change.
 */
@Repository
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            ChangeContext who, String entityType, String entityId, String action, Object before, Object after) {
        jdbc.update(
                "insert into geo.audit_event (actor, entity_type, entity_id, action, before, after, reason)"
                        + " values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)",
                who.actor(),
                entityType,
                entityId,
                action,
                toJson(before),
                toJson(after),
                who.reason());
    }

    public List<AuditEvent> history(String entityType, String entityId) {
        return jdbc.query(
                "select id, at, actor, entity_type, entity_id, action, before::text, after::text, reason"
                        + " from geo.audit_event where entity_type = ? and entity_id = ? order by at, id",
                (rs, i) -> new AuditEvent(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)),
                entityType,
                entityId);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot record " + value.getClass() + " in the audit history", e);
        }
    }
}
