package cn.mingjie.facility.coverage;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The towns designated central towns (中心镇) by the plan, where funeral service stations belong. */
@Repository
public class CentralTowns {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public CentralTowns(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Set<String> codes() {
        return new TreeSet<>(jdbc.queryForList("select division_code from facility.central_town", String.class));
    }

    @Transactional
    public void designate(List<String> townCodes, String source, ChangeContext who) {
        for (String code : townCodes) {
            int added = jdbc.update(
                    "insert into facility.central_town (division_code, source) values (?, ?) on conflict do nothing",
                    code,
                    source);
            if (added > 0) {
                audit.record(who, "central_town", code, "designate", null, source);
            }
        }
    }
}
