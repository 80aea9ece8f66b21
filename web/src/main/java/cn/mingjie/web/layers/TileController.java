package cn.mingjie.web.layers;

import cn.mingjie.geocore.layer.LayerTiles;
import cn.mingjie.geocore.layer.TileCoordinates;
import cn.mingjie.web.support.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mapbox vector tiles of catalogue layers. The ETag is the layer's version tag (definition, style
 * and data version), so a browser revalidates cheaply (304 without touching the tile SQL) and sees
 * a change within the short max-age after any write. Tiles come from the server-side cache of
 * {@link LayerTiles}, keyed by that same tag.
 */
@RestController
@Tag(name = "图层 Layers")
public class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
    /** Long enough to absorb panning back and forth, short enough that edits show within a minute. */
    static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final LayerTiles tiles;

    public TileController(LayerTiles tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    @Operation(summary = "矢量瓦片（MVT）/ Mapbox vector tile of a layer (web mercator z/x/y)")
    public ResponseEntity<byte[]> tile(
            @PathVariable String layer,
            @PathVariable int z,
            @PathVariable int x,
            @PathVariable int y,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TileCoordinates coordinates = new TileCoordinates(z, x, y);
        String version = tiles.versionTag(layer);
        String etag = ETags.quote(version);
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(CACHE)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MVT)
                .eTag(etag)
                .cacheControl(CACHE)
                .body(tiles.tile(layer, coordinates, version));
    }

    /** If-None-Match may list several tags, weak or strong, or "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
