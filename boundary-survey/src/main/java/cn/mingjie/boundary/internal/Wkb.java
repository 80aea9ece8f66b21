package cn.mingjie.boundary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Geometry in and out of PostGIS as WKB, SRID 4490. */
public final class Wkb {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private Wkb() {}

    public static byte[] write(Geometry g) {
        return g == null ? null : new WKBWriter().write(g);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Geometry> T read(ResultSet rs, int column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        if (bytes == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader(FACTORY).read(bytes);
            g.setSRID(4490);
            return (T) g;
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
    }
}
