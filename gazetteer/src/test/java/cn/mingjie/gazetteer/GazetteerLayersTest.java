package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.LayerDefinition;
import cn.mingjie.geocore.layer.LayerStyle;
import cn.mingjie.geocore.layer.LayerTiles;
import cn.mingjie.geocore.layer.TileCoordinates;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The gazetteer's layers in the catalogue (styles validated at start), served as tiles from the register. */
@SpringJUnitConfig(GazetteerTestContext.class)
class GazetteerLayersTest {

    static final ChangeContext EDITOR = new ChangeContext("editor", "图层测试");

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerTiles tiles;

    @Autowired
    PlaceRegister register;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void placeNamesByCategoryAndSignsAreLayersWithValidatedChineseStyles() {
        assertThat(catalogue.all())
                .extracting(LayerDefinition::id)
                .contains("place_settlement", "place_street_building", "place_landmark_nature", "place_sign");
        for (String id : new String[] {"place_settlement", "place_street_building", "place_landmark_nature"}) {
            LayerStyle style = catalogue.style(id);
            assertThat(style.leaflet().radius()).isPositive();
            assertThat(style.leaflet().label().attribute()).isEqualTo("name");
            assertThat(style.leaflet().label().fontFamily()).isEqualTo("Noto Sans CJK SC");
            assertThat(catalogue.get(id).watchedTables()).contains("gazetteer.place_version");
        }
        assertThat(catalogue.style("place_sign").leaflet().label().attribute()).isEqualTo("printed_text");
        assertThat(catalogue.get("place_settlement").titleZh()).isEqualTo("居民点地名");
    }

    @Test
    void aNewRoadNameAppearsInItsTileAtALabelPointOnTheLineAndTheTileTagMoves() {
        String before = tiles.versionTag("place_street_building");
        PlaceVersion road = register.create(
                Places.road("图层", "路", "LINESTRING (105.781 30.181, 105.789 30.189)"),
                LocalDate.of(2025, 1, 1),
                "test",
                EDITOR);
        assertThat(tiles.versionTag("place_street_building")).isNotEqualTo(before);
        String label = jdbc.queryForObject(
                "select st_astext(geom) from gazetteer.layer_street_building where place_id = ?",
                String.class,
                road.placeId());
        assertThat(label).startsWith("POINT");
        Boolean onLine = jdbc.queryForObject(
                "select st_dwithin(st_geomfromtext(?, 4490),"
                        + " st_geomfromtext('LINESTRING (105.781 30.181, 105.789 30.189)', 4490), 1e-9)",
                Boolean.class,
                label);
        assertThat(onLine).isTrue();

        int z = 14;
        // The tile holding the label point (GEOS picks a vertex of a line, so it may not be the tile of the middle).
        double lon = jdbc.queryForObject(
                "select st_x(geom) from gazetteer.layer_street_building where place_id = ?",
                Double.class,
                road.placeId());
        double lat = jdbc.queryForObject(
                "select st_y(geom) from gazetteer.layer_street_building where place_id = ?",
                Double.class,
                road.placeId());
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        int y = (int)
                Math.floor((1 - Math.log(Math.tan(Math.toRadians(lat)) + 1 / Math.cos(Math.toRadians(lat))) / Math.PI)
                        / 2
                        * (1 << z));
        byte[] tile = tiles.tile("place_street_building", new TileCoordinates(z, x, y));
        assertThat(new String(tile, StandardCharsets.UTF_8)).contains("图层路");
        // Settlements are a different category group: the road is not in that layer.
        assertThat(new String(tiles.tile("place_settlement", new TileCoordinates(z, x, y)), StandardCharsets.UTF_8))
                .doesNotContain("图层路");
    }
}
