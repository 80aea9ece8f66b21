package cn.mingjie.geocore.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import cn.mingjie.geocore.postgis.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Versions in time on the real PostGIS: a split of a street office, as the 潼南 example describes. */
class DivisionRegisterTest {

    static final LocalDate EDITION = LocalDate.of(2021, 10, 31);
    static final LocalDate SPLIT = LocalDate.of(2024, 3, 1);
    static final ChangeContext WHO = new ChangeContext("admin", "潼南府〔2024〕1号 区划调整");

    DivisionRegister register;
    JdbcTemplate jdbc;
    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabase.freshDatabase(TestDatabase.geoCore());
        jdbc = new JdbcTemplate(ds);
        register = new DivisionRegister(jdbc, new AuditLog(jdbc));
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        register.openAll(List.of(
                unit("500152000000", "潼南区", DivisionLevel.COUNTY, null),
                unit("500152002000", "梓潼街道", DivisionLevel.TOWNSHIP, "500152000000"),
                unit("500152002001", "东升社区居民委员会", DivisionLevel.VILLAGE, "500152002000"),
                unit("500152002002", "金佛社区居民委员会", DivisionLevel.VILLAGE, "500152002000"),
                unit("500152002201", "永丰村村民委员会", DivisionLevel.VILLAGE, "500152002000")));
    }

    @Test
    void aSplitIsNewVersionsAndTheOldStateStaysQueryableAsOfADate() {
        register.establish(
                new NewDivisionVersion(
                        "500152099000", "测试新街道", DivisionLevel.TOWNSHIP, "500152000000", SPLIT, null, null),
                WHO);
        register.transfer(List.of("500152002002", "500152002201"), "500152099000", SPLIT, WHO);

        assertThat(children("500152002000", SPLIT.minusDays(1)))
                .containsExactly("500152002001", "500152002002", "500152002201");
        assertThat(children("500152002000", SPLIT)).containsExactly("500152002001");
        assertThat(children("500152099000", SPLIT)).containsExactly("500152002002", "500152002201");
        assertThat(register.find("500152099000", SPLIT.minusDays(1))).isEmpty();
        assertThat(register.history("500152002002"))
                .extracting(Division::parentCode)
                .containsExactly("500152002000", "500152099000");
        assertThat(new AuditLog(jdbc).history("division", "500152002201"))
                .extracting(e -> e.action())
                .containsExactly("transfer");
    }

    @Test
    void aTransferIsAllOrNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(
                        s -> register.transfer(List.of("500152002002", "500152002999"), "500152002000", SPLIT, WHO)))
                .isInstanceOf(ValidationException.class);
        assertThat(register.history("500152002002")).hasSize(1);
    }

    @Test
    void refusesAParentOnANonAdjacentLevelAndAReusedCode() {
        assertThatThrownBy(() -> register.establish(
                        new NewDivisionVersion(
                                "500152099001", "某村", DivisionLevel.VILLAGE, "500152000000", SPLIT, null, null),
                        WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("parentCode"));
        assertThatThrownBy(() -> register.establish(
                        new NewDivisionVersion(
                                "500152002000", "重复街道", DivisionLevel.TOWNSHIP, "500152000000", SPLIT, null, null),
                        WHO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("code"));
    }

    @Test
    void abolishingNeedsTheChildrenMovedAndTheCurrentVersionTag() {
        Division zitong = register.get("500152002000", SPLIT);
        assertThatThrownBy(() -> register.abolish("500152002000", SPLIT, zitong.versionTag(), WHO))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> register.abolish("500152002000", SPLIT, "0.0", WHO))
                .isInstanceOf(VersionConflictException.class);

        register.abolish(
                "500152002201", SPLIT, register.get("500152002201", SPLIT).versionTag(), WHO);
        assertThat(register.find("500152002201", SPLIT)).isEmpty();
        assertThat(register.find("500152002201", SPLIT.minusDays(1))).isPresent();
    }

    @Test
    void renameKeepsCodeAndClosesThePreviousVersion() {
        Division before = register.get("500152002001", null);
        Division after = register.rename("500152002001", "东升社区", SPLIT, before.versionTag(), WHO);
        assertThat(after.name()).isEqualTo("东升社区");
        assertThat(register.get("500152002001", SPLIT.minusDays(1)).name()).isEqualTo("东升社区居民委员会");
        assertThatThrownBy(() -> register.rename("500152002001", "东升", SPLIT.plusDays(1), before.versionTag(), WHO))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void versionsOfOneCodeCannotOverlapEvenThroughRawSql() {
        assertThatThrownBy(() -> jdbc.update("insert into geo.division_version (code, name, level, valid_from, source)"
                        + " values ('500152002001', '重叠', 5, '2022-01-01', 'manual')"))
                .hasMessageContaining("conflicting key value violates exclusion constraint");
    }

    private List<String> children(String parent, LocalDate asOf) {
        return register.list(new DivisionQuery(parent, null, null, asOf, false, 100, 0)).stream()
                .map(Division::code)
                .toList();
    }

    private static NewDivisionVersion unit(String code, String name, DivisionLevel level, String parent) {
        return new NewDivisionVersion(code, name, level, parent, EDITION, "NBS2021", null);
    }
}
