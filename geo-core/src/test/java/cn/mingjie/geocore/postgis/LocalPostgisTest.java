package cn.mingjie.geocore.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class LocalPostgisTest {

    @Test
    void startsARealPostgisThatComputesGeodesicLengths() {
        DataSource ds = TestDatabase.freshDatabase(TestDatabase.geoCore());
        JdbcTemplate jdbc = new JdbcTemplate(ds);

        assertThat(jdbc.queryForObject("select postgis_lib_version()", String.class))
                .startsWith("3.");
        // One degree of longitude on the equator of the CGCS2000 ellipsoid: 111.32 km.
        Double metres = jdbc.queryForObject(
                "select st_length(st_geomfromtext('LINESTRING(0 0, 1 0)', 4490)::geography)", Double.class);
        assertThat(metres).isBetween(111_319.0, 111_320.0);
    }

    @Test
    void listensOnLoopbackOnlyAndRequiresAPassword() throws Exception {
        LocalPostgis pg = TestDatabase.cluster();
        assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        assertThat(pg.password()).hasSizeGreaterThan(20);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "wrong"))
                .hasMessageContaining("password authentication failed");
    }
}
