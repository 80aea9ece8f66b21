package cn.mingjie.geocore.layer;

import cn.mingjie.geocore.edit.ValidationException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.filter.And;
import org.geotools.api.filter.BinaryComparisonOperator;
import org.geotools.api.filter.BinaryLogicOperator;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.IncludeFilter;
import org.geotools.api.filter.Not;
import org.geotools.api.filter.Or;
import org.geotools.api.filter.PropertyIsEqualTo;
import org.geotools.api.filter.PropertyIsGreaterThan;
import org.geotools.api.filter.PropertyIsGreaterThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLessThan;
import org.geotools.api.filter.PropertyIsLessThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLike;
import org.geotools.api.filter.PropertyIsNotEqualTo;
import org.geotools.api.filter.PropertyIsNull;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Function;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.api.filter.spatial.BBOX;
import org.geotools.api.filter.spatial.Intersects;
import org.geotools.api.geometry.BoundingBox;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Translates a CQL2-text / ECQL filter (parsed by GeoTools' ECQL) into an {@link SqlPredicate} for
 * one layer. Supported: =, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=, LIKE, IN (ECQL makes it an OR of =),
 * IS NULL, AND, OR, NOT, BBOX and INTERSECTS. Property names must be in the layer's attribute
 * allowlist (or "geometry" for the spatial operators); functions are refused outright (the shapes of
 * CVE-2024-36401 and CVE-2023-25157); literals become bound parameters, typed by their attribute.
 */
public final class CqlFilters {

    public static final int MAX_LENGTH = 4000;
    public static final int MAX_GEOMETRY_POINTS = 10_000;
    /** The name the filter uses for a layer's geometry, whatever its column is called. */
    public static final String GEOMETRY = "geometry";

    private final LayerDefinition layer;
    private final String alias;
    private final List<Object> parameters = new ArrayList<>();

    private CqlFilters(LayerDefinition layer, String alias) {
        this.layer = layer;
        this.alias = alias;
    }

    /** The predicate of {@code ecql} over {@code layer}, its columns qualified with {@code alias}. */
    public static SqlPredicate toSql(LayerDefinition layer, String ecql, String alias) {
        if (ecql == null || ecql.isBlank()) {
            return SqlPredicate.TRUE;
        }
        if (ecql.length() > MAX_LENGTH) {
            throw problem("error.filter.too-long", MAX_LENGTH);
        }
        Filter filter;
        try {
            filter = ECQL.toFilter(ecql);
        } catch (CQLException e) {
            throw problem("error.filter.syntax", firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw problem("error.filter.syntax", firstLine(String.valueOf(e.getMessage())));
        }
        CqlFilters translator = new CqlFilters(layer, alias);
        String sql = translator.translate(filter);
        return new SqlPredicate(sql, translator.parameters);
    }

    private String translate(Filter f) {
        if (f instanceof IncludeFilter) {
            return "true";
        }
        if (f instanceof And and) {
            return join(and, " and ");
        }
        if (f instanceof Or or) {
            return join(or, " or ");
        }
        if (f instanceof Not not) {
            return "not (" + translate(not.getFilter()) + ")";
        }
        if (f instanceof PropertyIsLike like) {
            LayerAttribute a = attribute(like.getExpression());
            if (a.type() != LayerAttribute.Type.TEXT) {
                throw problem("error.filter.like-text", a.name());
            }
            parameters.add(likePattern(like));
            return column(a) + (like.isMatchingCase() ? " like" : " ilike") + " ? escape '!'";
        }
        if (f instanceof PropertyIsNull isNull) {
            return column(attribute(isNull.getExpression())) + " is null";
        }
        if (f instanceof BinaryComparisonOperator comparison) {
            return comparison(comparison);
        }
        if (f instanceof BBOX bbox) {
            geometryProperty(bbox.getExpression1());
            BoundingBox b = bbox.getBounds();
            requireLonLat(b.getCoordinateReferenceSystem());
            parameters.addAll(List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
            return "st_intersects(" + geometryColumn() + ", st_makeenvelope(?, ?, ?, ?, 4490))";
        }
        if (f instanceof Intersects intersects) {
            geometryProperty(intersects.getExpression1());
            Geometry g = literal(intersects.getExpression2()).evaluate(null, Geometry.class);
            if (g == null) {
                throw problem("error.filter.geometry");
            }
            if (g.getNumPoints() > MAX_GEOMETRY_POINTS) {
                throw problem("error.filter.geometry-size", MAX_GEOMETRY_POINTS);
            }
            parameters.add(new WKBWriter().write(g));
            return "st_intersects(" + geometryColumn() + ", st_geomfromwkb(?, 4490))";
        }
        throw problem("error.filter.unsupported", operatorName(f));
    }

    private String join(BinaryLogicOperator op, String with) {
        List<String> parts = new ArrayList<>();
        for (Filter child : op.getChildren()) {
            parts.add("(" + translate(child) + ")");
        }
        return String.join(with, parts);
    }

    private String comparison(BinaryComparisonOperator c) {
        String operator = operator(c);
        Expression left = c.getExpression1();
        Expression right = c.getExpression2();
        if (!(left instanceof PropertyName) && right instanceof PropertyName) {
            // 5 < level reads as level > 5.
            Expression swap = left;
            left = right;
            right = swap;
            operator = mirrored(operator);
        }
        LayerAttribute a = attribute(left);
        parameters.add(value(a, literal(right)));
        return column(a) + " " + operator + " ?";
    }

    private static String operator(BinaryComparisonOperator c) {
        if (c instanceof PropertyIsEqualTo) return "=";
        if (c instanceof PropertyIsNotEqualTo) return "<>";
        if (c instanceof PropertyIsLessThan) return "<";
        if (c instanceof PropertyIsLessThanOrEqualTo) return "<=";
        if (c instanceof PropertyIsGreaterThan) return ">";
        if (c instanceof PropertyIsGreaterThanOrEqualTo) return ">=";
        throw problem("error.filter.unsupported", operatorName(c));
    }

    private static String mirrored(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private LayerAttribute attribute(Expression e) {
        if (e instanceof Function function) {
            throw problem("error.filter.function", function.getName());
        }
        if (!(e instanceof PropertyName property)) {
            throw problem("error.filter.property-expected", String.valueOf(e));
        }
        String name = property.getPropertyName();
        return layer.attribute(name)
                .orElseThrow(() -> problem(
                        "error.filter.property",
                        name,
                        String.join(
                                ", ",
                                layer.attributes().stream()
                                        .map(LayerAttribute::name)
                                        .toList())));
    }

    private void geometryProperty(Expression e) {
        if (e instanceof Function function) {
            throw problem("error.filter.function", function.getName());
        }
        if (!(e instanceof PropertyName p)
                || !(GEOMETRY.equals(p.getPropertyName())
                        || layer.geometryColumn().equals(p.getPropertyName()))) {
            throw problem("error.filter.geometry-property", String.valueOf(e), GEOMETRY);
        }
    }

    private static Literal literal(Expression e) {
        if (e instanceof Function function) {
            throw problem("error.filter.function", function.getName());
        }
        if (!(e instanceof Literal literal)) {
            throw problem("error.filter.literal-expected", String.valueOf(e));
        }
        return literal;
    }

    private static Object value(LayerAttribute a, Literal literal) {
        Object v = literal.getValue();
        if (v == null) {
            throw problem("error.filter.value", a.name(), "null");
        }
        try {
            return switch (a.type()) {
                case TEXT -> v.toString();
                case INTEGER -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
                case NUMBER -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
                case BOOLEAN -> {
                    if (v instanceof Boolean b) yield b;
                    String s = v.toString();
                    if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(s);
                    }
                    yield Boolean.parseBoolean(s);
                }
                case DATE -> v instanceof java.sql.Date sqlDate
                        ? sqlDate.toLocalDate()
                        : v instanceof java.util.Date d
                                ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                                : LocalDate.parse(v.toString());
            };
        } catch (RuntimeException e) {
            throw problem("error.filter.value", a.name(), String.valueOf(v));
        }
    }

    /** ECQL's wildcards become SQL's; SQL's own wildcards in the user's text are escaped with '!'. */
    private static String likePattern(PropertyIsLike like) {
        String pattern = like.getLiteral();
        String wild = like.getWildCard();
        String single = like.getSingleChar();
        String escape = like.getEscape();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            String c = pattern.substring(i, i + 1);
            if (c.equals(escape) && i + 1 < pattern.length()) {
                i++;
                appendLiteral(out, pattern.charAt(i));
            } else if (c.equals(wild)) {
                out.append('%');
            } else if (c.equals(single)) {
                out.append('_');
            } else {
                appendLiteral(out, pattern.charAt(i));
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if (c == '%' || c == '_' || c == '!') {
            out.append('!');
        }
        out.append(c);
    }

    private static void requireLonLat(CoordinateReferenceSystem crs) {
        if (crs == null) {
            return;
        }
        String name = crs.getName() == null ? "" : crs.getName().getCode();
        if (!(name.contains("4490") || name.contains("4326") || name.contains("WGS 84") || name.contains("CGCS"))) {
            throw problem("error.filter.crs", name);
        }
    }

    private String column(LayerAttribute a) {
        return alias + ".\"" + a.name() + "\"";
    }

    private String geometryColumn() {
        return alias + ".\"" + layer.geometryColumn() + "\"";
    }

    private static String operatorName(Filter f) {
        Class<?>[] interfaces = f.getClass().getInterfaces();
        return interfaces.length > 0
                ? interfaces[0].getSimpleName()
                : f.getClass().getSimpleName();
    }

    private static ValidationException problem(String key, Object... args) {
        return ValidationException.of("filter", key, args);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
