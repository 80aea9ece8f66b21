package cn.mingjie.geocore.layer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Feature queries over catalogue layers: bbox, ECQL filter, paging; explicit SQL, geometry as WKB. */
@Repository
public class LayerFeatures {

    private static final String ALIAS = "s";

    private final JdbcTemplate jdbc;
    private final LayerCatalogue catalogue;
    private final LayerDataVersions versions;

    public LayerFeatures(JdbcTemplate jdbc, LayerCatalogue catalogue, LayerDataVersions versions) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.versions = versions;
    }

    public FeaturePage query(String layerId, FeatureQuery q) {
        LayerDefinition layer = catalogue.get(layerId);
        SqlPredicate filter = CqlFilters.toSql(layer, q.filter(), ALIAS);
        if (layer.materialized()) {
            versions.version(layer);
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = select(layer, q.tolerance() > 0, args, q.tolerance())
                .append(" where ")
                .append(filter.sql());
        args.addAll(filter.parameters());
        if (q.bbox() != null) {
            double[] b = q.bbox();
            sql.append(" and ").append(geom(layer)).append(" && st_makeenvelope(?, ?, ?, ?, 4490)");
            args.addAll(List.of(b[0], b[1], b[2], b[3]));
        }
        sql.append(" order by ")
                .append(ALIAS)
                .append(".\"")
                .append(layer.idColumn())
                .append("\"");
        sql.append(" limit ? offset ?");
        args.add(q.limit() + 1);
        args.add(q.offset());
        List<LayerFeature> rows = jdbc.query(sql.toString(), (rs, n) -> map(layer, rs), args.toArray());
        boolean more = rows.size() > q.limit();
        return new FeaturePage(more ? rows.subList(0, q.limit()) : rows, more);
    }

    public Optional<LayerFeature> find(String layerId, String featureId) {
        LayerDefinition layer = catalogue.get(layerId);
        List<Object> args = new ArrayList<>();
        StringBuilder sql = select(layer, false, args, 0)
                .append(" where ")
                .append(ALIAS)
                .append(".\"")
                .append(layer.idColumn())
                .append("\" = ?");
        args.add(featureId);
        return jdbc.query(sql.toString(), (rs, n) -> map(layer, rs), args.toArray()).stream()
                .findFirst();
    }

    private static StringBuilder select(LayerDefinition layer, boolean simplify, List<Object> args, double tolerance) {
        String columns = layer.attributes().stream()
                .map(a -> ALIAS + ".\"" + a.name() + "\"")
                .collect(Collectors.joining(", "));
        String geometry = simplify
                ? "st_asbinary(st_simplifypreservetopology(" + geom(layer) + ", ?))"
                : "st_asbinary(" + geom(layer) + ")";
        if (simplify) {
            args.add(tolerance);
        }
        return new StringBuilder("select ")
                .append(columns)
                .append(", ")
                .append(geometry)
                .append(" from ")
                .append(layer.source())
                .append(" ")
                .append(ALIAS);
    }

    private static String geom(LayerDefinition layer) {
        return ALIAS + ".\"" + layer.geometryColumn() + "\"";
    }

    private static LayerFeature map(LayerDefinition layer, ResultSet rs) throws SQLException {
        Map<String, Object> properties = new LinkedHashMap<>();
        int i = 1;
        for (LayerAttribute a : layer.attributes()) {
            Object v =
                    switch (a.type()) {
                        case DATE -> rs.getObject(i, java.time.LocalDate.class);
                        default -> rs.getObject(i);
                    };
            properties.put(a.name(), v instanceof Timestamp t ? t.toInstant() : v);
            i++;
        }
        byte[] wkb = rs.getBytes(i);
        Geometry g = null;
        if (wkb != null) {
            try {
                g = new WKBReader().read(wkb);
                g.setSRID(4490);
            } catch (ParseException e) {
                throw new SQLException("PostGIS returned unreadable WKB", e);
            }
        }
        return new LayerFeature(String.valueOf(properties.get(layer.idColumn())), g, properties);
    }
}
