package cn.mingjie.geocore.layer;

import static cn.mingjie.geocore.layer.LayerAttribute.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.postgis.ModuleSchema;
import cn.mingjie.geocore.postgis.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A thinned point layer on a real PostGIS: which features a tile keeps at which zoom, the per-tile
 * cap, the server-side tile cache and its invalidation by the data version, and the SLD rules
 * (filters, ElseFilter, scale ranges) the map gets. Names are written "<L4-0007>" so that a name's
 * presence in the MVT bytes (its value table holds the strings as UTF-8) can be checked without a
 * decoder and without one name matching inside another.
 */
class ThinnedTilesTest {

    static final String ID = "test_thinned_names";
    /** The z8 tile over 潼南 (105.47–106.88°E, 29.53–30.75°N), and a z12 tile inside it. */
    static final TileCoordinates Z8 = new TileCoordinates(8, 203, 105);

    static final TileCoordinates Z12 = new TileCoordinates(12, 3253, 1687);

    static JdbcTemplate jdbc;
    static LayerCatalogue catalogue;
    static LayerTiles tiles;

    static LayerDefinition layer() {
        return LayerDefinition.builder(ID)
                .title("测试地名", "Test names")
                .source("test_layer.names", GeometryKind.POINT, "id", "geom")
                .attributes(text("id", "编号", "Id"), text("name", "名称", "Name"), text("level", "级别", "Level"))
                .label("name")
                .zoom(6, 18)
                .thinning(Thinning.byAttribute("level", Map.of("3", 6, "4", 8), 12)
                        .maxFeaturesPerTile(40))
                .watches("test_layer.names")
                .build();
    }

    @BeforeAll
    static void threeCountiesFiftyTownshipsAndTwoThousandMinorNames() {
        DataSource ds = TestDatabase.freshDatabase(List.of(new ModuleSchema("geo", 0), new ModuleSchema("layers", 5)));
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("create schema test_layer");
        jdbc.execute("create table test_layer.names (id text primary key, name text, level text not null,"
                + " geom geometry(Point, 4490) not null)");
        jdbc.execute("create index on test_layer.names using gist (geom, level)");
        jdbc.execute("create trigger names_changed after insert or update or delete or truncate on test_layer.names"
                + " for each statement execute function layers.bump_table_version()");
        // All inside the z12 tile 3253/1687 (105.908–105.996°E, 30.145–30.221°N), hence inside the z8 tile.
        jdbc.update("insert into test_layer.names (id, name, level, geom)"
                + " select lpad(g::text, 5, '0'), '<L' || lvl || '-' || lpad(g::text, 4, '0') || '>', lvl,"
                + " st_setsrid(st_makepoint(105.91 + (g % 97) * 0.0008, 30.15 + (g % 89) * 0.0007), 4490)"
                + " from (select g, case when g <= 3 then '3' when g <= 53 then '4' else '6' end as lvl"
                + " from generate_series(1, 2053) g) s");
        catalogue = new LayerCatalogue(List.of(layer()));
        LayerDataVersions versions = new LayerDataVersions(jdbc, new DataSourceTransactionManager(ds));
        tiles = new LayerTiles(jdbc, catalogue, versions, 16);
    }

    static String tile(TileCoordinates t) {
        return new String(tiles.tile(ID, t), StandardCharsets.UTF_8);
    }

    static long count(String tile, String level, int upTo) {
        return IntStream.rangeClosed(1, upTo)
                .filter(i -> tile.contains("<L" + level + "-" + String.format("%04d", i) + ">"))
                .count();
    }

    @Test
    void aLowZoomTileKeepsTheImportantNamesFirstUpToTheCap() {
        String z6 = tile(new TileCoordinates(6, 50, 26));
        assertThat(count(z6, "3", 2053)).isEqualTo(3);
        assertThat(count(z6, "4", 2053)).isZero();

        String z8 = tile(Z8);
        assertThat(count(z8, "3", 2053)).isEqualTo(3);
        // 50 townships appear from z8, but the cap of 40 leaves room for 37 after the 3 counties.
        assertThat(count(z8, "4", 2053)).isEqualTo(37);
        assertThat(count(z8, "6", 2053)).isZero();

        String z12 = tile(Z12);
        assertThat(count(z12, "3", 2053)).isEqualTo(3);
        assertThat(count(z12, "4", 2053)).isEqualTo(37);
        assertThat(count(z12, "6", 2053)).isZero(); // the cap is full before the minor names come

        // Outside the layer's zoom range: empty, without a query.
        assertThat(tiles.tile(ID, new TileCoordinates(5, 25, 13))).isEmpty();
    }

    @Test
    void theTileCacheServesAVersionUntilTheDataChangesAndThenRendersAfresh() {
        String before = tiles.versionTag(ID);
        byte[] first = tiles.tile(ID, Z8, before);
        long hits = tiles.cacheFigures().hits();
        assertThat(tiles.tile(ID, Z8, before)).isSameAs(first);
        assertThat(tiles.cacheFigures().hits()).isEqualTo(hits + 1);

        jdbc.update("insert into test_layer.names (id, name, level, geom)"
                + " values ('NEW', '<NEW-COUNTY>', '3', st_setsrid(st_makepoint(105.95, 30.2), 4490))");
        String after = tiles.versionTag(ID);
        assertThat(after).isNotEqualTo(before);
        String fresh = new String(tiles.tile(ID, Z8, after), StandardCharsets.UTF_8);
        assertThat(fresh).contains("<NEW-COUNTY>");
        // The old version stays what it was under its own key (a client revalidating with it gets the new tag).
        assertThat(new String(tiles.tile(ID, Z8, before), StandardCharsets.UTF_8))
                .doesNotContain("<NEW-COUNTY>");

        jdbc.update("delete from test_layer.names where id = 'NEW'");
        assertThat(tiles.versionTag(ID)).isNotEqualTo(after);
        assertThat(tile(Z8)).doesNotContain("<NEW-COUNTY>");
    }

    @Test
    void everySldRuleReachesTheMapWithItsFilterAndScaleRange() {
        List<StyleRule> rules = catalogue.style(ID).rules();
        assertThat(rules).extracting(StyleRule::name).containsExactly("county", "township", "other");
        assertThat(rules).extracting(StyleRule::title).containsExactly("县级", "乡级", "其他");

        StyleRule county = rules.get(0);
        assertThat(county.filter()).isEqualTo(RuleFilter.compare("=", "level", "3"));
        assertThat(county.minScaleDenominator()).isNull();
        assertThat(county.style().fillColor()).isEqualTo("#d7263d");
        assertThat(county.style().radius()).isEqualTo(5.0);
        assertThat(county.style().label().attribute()).isEqualTo("name");

        StyleRule township = rules.get(1);
        assertThat(township.filter())
                .isEqualTo(RuleFilter.combine(
                        "and",
                        List.of(
                                RuleFilter.compare("=", "level", "4"),
                                RuleFilter.combine("not", List.of(RuleFilter.compare("null", "name", null))))));
        assertThat(township.maxScaleDenominator()).isEqualTo(4367058.31);
        assertThat(township.style().fillColor()).isEqualTo("#1f6fd1");

        StyleRule other = rules.get(2);
        assertThat(other.filter().op()).isEqualTo("else");
        assertThat(other.minScaleDenominator()).isEqualTo(2132.73);
        assertThat(other.maxScaleDenominator()).isEqualTo(136494.69);
        assertThat(catalogue.style(ID).leaflet()).isEqualTo(county.style());
    }

    @Test
    void aFilterTheMapCannotEvaluateIsRefusedWithItsName() {
        String sld = catalogue
                .style(ID)
                .sld()
                .replace(
                        "<ogc:PropertyIsEqualTo>\n              <ogc:PropertyName>level</ogc:PropertyName>\n"
                                + "              <ogc:Literal>3</ogc:Literal>\n            </ogc:PropertyIsEqualTo>",
                        "<ogc:PropertyIsLike wildCard=\"*\" singleChar=\".\" escape=\"!\">"
                                + "<ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>*县</ogc:Literal>"
                                + "</ogc:PropertyIsLike>");
        assertThat(sld).contains("PropertyIsLike");
        var document = SldDocuments.parse(sld);
        SldDocuments.validate(document);
        assertThatThrownBy(() -> SldDocuments.toRules(document))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("sld");
                            assertThat(p.args()).containsExactly("PropertyIsLike");
                        }));
    }

    @Test
    void aStyleThatFiltersOnAnAttributeOutsideTheAllowlistDoesNotLoad() {
        LayerDefinition narrow = LayerDefinition.builder(ID)
                .title("测试地名", "Test names")
                .source("test_layer.names", GeometryKind.POINT, "id", "geom")
                .attributes(text("id", "编号", "Id"), text("name", "名称", "Name"))
                .label("name")
                .build();
        assertThatThrownBy(() -> new LayerCatalogue(List.of(narrow)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level");
    }
}
