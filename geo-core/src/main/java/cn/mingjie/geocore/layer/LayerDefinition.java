package cn.mingjie.geocore.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One map layer, defined once and served two ways (built-in tiles/features and GeoServer). Modules
 * contribute layers as Spring beans of this type; {@link LayerCatalogue} collects them.
 *
 * @param id URL-safe identifier, also the GeoServer layer name
 * @param source the schema-qualified table or view the features come from
 * @param idColumn the column that identifies a feature (and links to its record)
 * @param attributes the allowlist: the only columns selected, filtered and served
 * @param labelAttribute the attribute drawn as label (Chinese names), or null
 * @param minZoom the smallest web-mercator zoom at which the layer is drawn
 * @param maxZoom the largest zoom at which the layer is drawn
 * @param base whether it belongs to the base layer group (and is seeded in GeoWebCache)
 * @param derived whether its geometry is derived/synthesised rather than legal data (said on the map)
 * @param recordPath the API path of a feature's record, with {@code {id}} for the feature id
 * @param watchedTables the tables whose changes change this layer (see layers.table_version)
 * @param materialized whether {@code source} is a materialized view to refresh when those tables change
 * @param sqlView for GeoServer, a parameterised SQL view instead of the plain source, or null
 * @param styleResource the classpath location of the layer's SLD 1.0 style
 * @param drawOrder where it is drawn among the layers (lowest first)
 * @param thinning for large point layers, how low-zoom tiles keep only the important features; or null
 */
public record LayerDefinition(
        String id,
        String titleZh,
        String titleEn,
        String source,
        String idColumn,
        String geometryColumn,
        GeometryKind geometryKind,
        List<LayerAttribute> attributes,
        String labelAttribute,
        int minZoom,
        int maxZoom,
        Delivery delivery,
        boolean base,
        boolean derived,
        String recordPath,
        List<String> watchedTables,
        boolean materialized,
        SqlView sqlView,
        String styleResource,
        int drawOrder,
        Thinning thinning) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern QUALIFIED = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    public static final int MAX_ZOOM = 22;

    public LayerDefinition {
        require(ID.matcher(id).matches(), "layer id must match " + ID + ": " + id);
        require(QUALIFIED.matcher(source).matches(), "source must be schema.name: " + source);
        require(LayerAttribute.IDENTIFIER.matcher(idColumn).matches(), "bad id column " + idColumn);
        require(LayerAttribute.IDENTIFIER.matcher(geometryColumn).matches(), "bad geometry column");
        require(0 <= minZoom && minZoom <= maxZoom && maxZoom <= MAX_ZOOM, "zoom range 0 ≤ min ≤ max ≤ 22");
        attributes = List.copyOf(attributes);
        watchedTables = List.copyOf(watchedTables);
        require(
                attributes.stream().anyMatch(a -> a.name().equals(idColumn)),
                "the id column must be an exposed attribute: " + idColumn);
        require(
                labelAttribute == null
                        || attributes.stream().anyMatch(a -> a.name().equals(labelAttribute)),
                "label attribute must be exposed");
        require(
                thinning == null
                        || (geometryKind == GeometryKind.POINT
                                && attributes.stream()
                                        .anyMatch(a -> a.name().equals(thinning.attribute())
                                                && a.type() == LayerAttribute.Type.TEXT)),
                "thinning applies to point layers, by an exposed text attribute");
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Optional<LayerAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public String title(boolean english) {
        return english ? titleEn : titleZh;
    }

    /**
     * The OGC scale denominator at a web-mercator zoom (0.28 mm pixels at the equator), for the
     * SLD's Min/MaxScaleDenominator.
     */
    public static double scaleDenominatorAtZoom(int zoom) {
        return 559_082_264.028 / Math.pow(2, zoom);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds definitions readably; every layer needs at least titles, source, geometry and attributes. */
    public static final class Builder {
        private final String id;
        private String titleZh;
        private String titleEn;
        private String source;
        private String idColumn = "code";
        private String geometryColumn = "geom";
        private GeometryKind kind;
        private final List<LayerAttribute> attributes = new ArrayList<>();
        private String label;
        private int minZoom = 0;
        private int maxZoom = MAX_ZOOM;
        private Delivery delivery = Delivery.TILES;
        private boolean base;
        private boolean derived;
        private String recordPath;
        private final List<String> watched = new ArrayList<>();
        private boolean materialized;
        private SqlView sqlView;
        private int drawOrder;
        private Thinning thinning;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String zh, String en) {
            this.titleZh = zh;
            this.titleEn = en;
            return this;
        }

        public Builder source(String view, GeometryKind kind, String idColumn, String geometryColumn) {
            this.source = view;
            this.kind = kind;
            this.idColumn = idColumn;
            this.geometryColumn = geometryColumn;
            return this;
        }

        public Builder attributes(LayerAttribute... list) {
            attributes.addAll(List.of(list));
            return this;
        }

        public Builder label(String attribute) {
            this.label = attribute;
            return this;
        }

        public Builder zoom(int min, int max) {
            this.minZoom = min;
            this.maxZoom = max;
            return this;
        }

        public Builder delivery(Delivery d) {
            this.delivery = d;
            return this;
        }

        public Builder base() {
            this.base = true;
            return this;
        }

        public Builder derived() {
            this.derived = true;
            return this;
        }

        public Builder recordPath(String path) {
            this.recordPath = path;
            return this;
        }

        public Builder watches(String... tables) {
            watched.addAll(List.of(tables));
            return this;
        }

        public Builder materialized() {
            this.materialized = true;
            return this;
        }

        public Builder sqlView(SqlView view) {
            this.sqlView = view;
            return this;
        }

        public Builder drawOrder(int order) {
            this.drawOrder = order;
            return this;
        }

        public Builder thinning(Thinning t) {
            this.thinning = t;
            return this;
        }

        public LayerDefinition build() {
            return new LayerDefinition(
                    id,
                    titleZh,
                    titleEn,
                    source,
                    idColumn,
                    geometryColumn,
                    kind,
                    attributes,
                    label,
                    minZoom,
                    maxZoom,
                    delivery,
                    base,
                    derived,
                    recordPath,
                    watched,
                    materialized,
                    sqlView,
                    "layer/styles/" + id + ".sld",
                    drawOrder,
                    thinning);
        }
    }
}
