package cn.mingjie.geocore.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.GeoCoreModule;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/** Tiles, features and filters of the division layers on a real PostGIS with golden WKT. */
@SpringJUnitConfig(LayerServingTest.Config.class)
class LayerServingTest {

    // Not @Configuration: this class ships in geo-core's test-jar, and the web app's component scan of
    // cn.mingjie would pick it up and replace the application's data source with this test database.
    @Import(GeoCoreModule.class)
    static class Config {
        @Bean
        DataSource dataSource() {
            return TestDatabase.freshDatabase(List.of(new ModuleSchema("geo", 0), new ModuleSchema("layers", 5)));
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource ds) {
            return new JdbcTemplate(ds);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerTiles tiles;

    @Autowired
    LayerFeatures features;

    @BeforeEach
    void twoDistrictsAndATownship() {
        if (jdbc.queryForObject("select count(*) from geo.division_version", Integer.class) > 0) {
            return;
        }
        jdbc.update("insert into geo.division_version (code, name, level, valid_from, source)"
                + " values ('500000000000', '重庆市', 1, '2023-01-01', 'test')");
        // Two 0.5° squares side by side near 潼南; the township is the south-west quarter of the first.
        insert(
                "500152000000",
                "潼南区",
                3,
                "500100000000",
                "MULTIPOLYGON(((105.5 30.0, 106.0 30.0, 106.0 30.5, 105.5 30.5, 105.5 30.0)))",
                "tianditu");
        insert(
                "500112000000",
                "渝北区",
                3,
                "500100000000",
                "MULTIPOLYGON(((106.0 30.0, 106.5 30.0, 106.5 30.5, 106.0 30.5, 106.0 30.0)))",
                "tianditu");
        insert(
                "500152100000",
                "双江镇",
                4,
                "500152000000",
                "MULTIPOLYGON(((105.5 30.0, 105.75 30.0, 105.75 30.25, 105.5 30.25, 105.5 30.0)))",
                "derived:voronoi-of-seats");
    }

    private void insert(String code, String name, int level, String parent, String wkt, String geomSource) {
        jdbc.update(
                "insert into geo.division_version (code, name, level, parent_code, valid_from, source, geom, geom_source)"
                        + " values (?, ?, ?, ?, '2023-01-01', 'test', st_geomfromtext(?, 4490), ?)",
                code,
                name,
                level,
                parent,
                wkt,
                geomSource);
    }

    @Test
    void theCatalogueHoldsTheDivisionLayersInDrawingOrderWithValidStyles() {
        assertThat(catalogue.all()).extracting(LayerDefinition::id).containsExactly("district", "township", "province");
        LeafletStyle township = catalogue.style("township").leaflet();
        assertThat(township.color()).isEqualTo("#a15c00");
        assertThat(township.dashArray()).isEqualTo("4 3");
        assertThat(township.fillOpacity()).isEqualTo(0.2);
        assertThat(township.label().fontFamily()).isEqualTo("Noto Sans CJK SC");
        assertThat(township.label().color()).isEqualTo("#6b3d00"); // the text fill, not the halo's
        assertThat(catalogue.style("province").leaflet().fill()).isFalse();
        assertThat(catalogue.get("township").derived()).isTrue();
    }

    @Test
    void aTileOverTongnanHoldsItsFeatureAndATileElsewhereIsEmpty() {
        // z8 tile containing 105.75E 30.25N: x = floor((105.75+180)/360*256) = 203, y = 105.
        byte[] mvt = tiles.tile("district", new TileCoordinates(8, 203, 105));
        assertThat(mvt.length).isGreaterThan(20);
        assertThat(new String(mvt, java.nio.charset.StandardCharsets.UTF_8))
                .contains("潼南区")
                .contains("district");
        assertThat(tiles.tile("district", new TileCoordinates(8, 10, 10))).isEmpty();
        // Below the layer's zoom range nothing is drawn and nothing is asked of the database.
        assertThat(tiles.tile("township", new TileCoordinates(3, 6, 3))).isEmpty();
    }

    @Test
    void theVersionTagMovesWhenTheDataChangesAndTheProvinceOutlineFollows() {
        String before = tiles.versionTag("province");
        assertThat(tiles.versionTag("province")).isEqualTo(before);
        LayerFeature outline = features.query("province", new FeatureQuery(null, null, 10, 0, 0))
                .features()
                .get(0);
        assertThat(outline.geometry().getArea()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        jdbc.update("update geo.division_version set geom = st_geomfromtext("
                + "'MULTIPOLYGON(((106.0 30.0, 106.7 30.0, 106.7 30.5, 106.0 30.5, 106.0 30.0)))', 4490)"
                + " where code = '500112000000'");
        assertThat(tiles.versionTag("province")).isNotEqualTo(before);
        LayerFeature grown = features.query("province", new FeatureQuery(null, null, 10, 0, 0))
                .features()
                .get(0);
        assertThat(grown.geometry().getArea()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        jdbc.update("update geo.division_version set geom = st_geomfromtext("
                + "'MULTIPOLYGON(((106.0 30.0, 106.5 30.0, 106.5 30.5, 106.0 30.5, 106.0 30.0)))', 4490)"
                + " where code = '500112000000'");
    }

    @Test
    void featuresByBboxFilterAndPage() {
        FeaturePage west =
                features.query("district", new FeatureQuery(new double[] {105.6, 30.1, 105.7, 30.2}, null, 10, 0, 0));
        assertThat(west.features()).extracting(LayerFeature::id).containsExactly("500152000000");
        assertThat(west.features().get(0).properties())
                .containsEntry("name", "潼南区")
                .containsEntry("level", 3);

        FeaturePage first = features.query("district", new FeatureQuery(null, null, 1, 0, 0));
        assertThat(first.more()).isTrue();
        assertThat(first.features()).extracting(LayerFeature::id).containsExactly("500112000000");
        FeaturePage second = features.query("district", new FeatureQuery(null, null, 1, 1, 0));
        assertThat(second.more()).isFalse();

        assertThat(ids("name = '潼南区'")).containsExactly("500152000000");
        assertThat(ids("name <> '潼南区'")).containsExactly("500112000000");
        assertThat(ids("name LIKE '渝%'")).containsExactly("500112000000");
        assertThat(ids("name IN ('潼南区', '渝北区')")).containsExactly("500112000000", "500152000000");
        assertThat(ids("level > 2 AND NOT name = '渝北区'")).containsExactly("500152000000");
        assertThat(ids("code < '500120000000' OR name = '潼南区'")).containsExactly("500112000000", "500152000000");
        assertThat(ids("BBOX(geometry, 106.1, 30.1, 106.2, 30.2)")).containsExactly("500112000000");
        assertThat(ids("INTERSECTS(geometry, POINT(105.8 30.3))")).containsExactly("500152000000");
        assertThat(ids("valid_from >= 2023-01-01")).hasSize(2);
    }

    @Test
    void valuesAreBoundSoQuotesAndCommentMarkersFindNothingAndBreakNothing() {
        SqlPredicate p = CqlFilters.toSql(catalogue.get("district"), "name = 'x'' OR ''1''=''1'' --'", "s");
        assertThat(p.sql()).isEqualTo("s.\"name\" = ?");
        assertThat(p.parameters()).containsExactly("x' OR '1'='1' --");
        assertThat(ids("name = 'x'' OR ''1''=''1'' --'")).isEmpty();
        assertThat(ids("name = '潼南区''; drop table geo.division_version; --'")).isEmpty();
        assertThat(ids("name LIKE '%/*%'")).isEmpty();
        // LIKE's own wildcards typed as text are escaped: a literal % matches no name.
        assertThat(ids("name LIKE '100!%' ")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from geo.division_version", Integer.class))
                .isEqualTo(4);
    }

    @Test
    void refusesFunctionsUnknownPropertiesAndUnsupportedOperators() {
        LayerDefinition district = catalogue.get("district");
        assertProblem(district, "exec(java.lang.Runtime.getRuntime(),'id') = 1", "error.filter");
        assertProblem(district, "\"exec(java.lang.Runtime.getRuntime(),'id')\" = 1", "error.filter.property");
        // CVE-2023-25157: SQL smuggled through a function's arguments.
        assertProblem(district, "strStartsWith(name, 'x'') = true OR 1=1 --') = true", "error.filter");
        assertProblem(district, "strStartsWith(name,'潼') = true", "error.filter.function");
        assertProblem(district, "password = 'x'", "error.filter.property");
        assertProblem(district, "geom_source = 'a' AND secret IS NULL", "error.filter.property");
        assertProblem(district, "level = 'three'", "error.filter.value");
        assertProblem(district, "level BETWEEN 1 AND 3", "error.filter.unsupported");
        assertProblem(district, "DWITHIN(geometry, POINT(106 30), 10, meters)", "error.filter.unsupported");
        assertProblem(district, "BBOX(name, 1, 2, 3, 4)", "error.filter.geometry-property");
        assertProblem(district, "name = ", "error.filter.syntax");
        assertProblem(district, "x".repeat(5000), "error.filter.too-long");
    }

    @Test
    void refusesOversizedTilesAndBboxes() {
        assertThatThrownBy(() -> new TileCoordinates(23, 0, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TileCoordinates(8, 256, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TileCoordinates(8, 0, -1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new FeatureQuery(new double[] {-180, -90, 180, 90}, null, 10, 0, 0))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(
                                ((ValidationException) e).problems().get(0).messageKey())
                        .isEqualTo("error.bbox.too-large"));
        assertThatThrownBy(() -> new FeatureQuery(new double[] {106, 30, 105, 31}, null, 10, 0, 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new FeatureQuery(null, null, 100_000, 0, 0)).isInstanceOf(ValidationException.class);
    }

    private List<String> ids(String filter) {
        return features.query("district", new FeatureQuery(null, filter, 100, 0, 0)).features().stream()
                .map(LayerFeature::id)
                .toList();
    }

    private static void assertProblem(LayerDefinition layer, String filter, String keyPrefix) {
        assertThatThrownBy(() -> CqlFilters.toSql(layer, filter, "s"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.problems().get(0).field()).isEqualTo("filter");
                    assertThat(v.problems().get(0).messageKey()).startsWith(keyPrefix);
                });
    }
}
