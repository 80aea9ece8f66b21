package cn.mingjie.geocore.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.datum.Ellipsoid;
import org.geotools.referencing.CRS;

/**
 * The coordinate reference systems decoded from GeoTools' EPSG database, always with longitude (or
 * easting) first. EPSG itself declares latitude first for 4490/4326 and northing first for the
 * Chinese Gauss-Krüger systems; forcing one order keeps JTS x = lon / easting everywhere.
 */
public final class ChineseCrs {

    /** CGCS2000 geographic 2D, the legal datum of Chinese administrative boundaries since 2008. */
    public static final int CGCS2000 = 4490;

    /** WGS84 geographic 2D; within about a metre of CGCS2000, which is below what our data can resolve. */
    public static final int WGS84 = 4326;

    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private ChineseCrs() {}

    public static CoordinateReferenceSystem cgcs2000() {
        return decode(CGCS2000);
    }

    public static CoordinateReferenceSystem wgs84() {
        return decode(WGS84);
    }

    /** The CGCS2000 ellipsoid (a = 6 378 137 m, 1/f = 298.257222101; GRS80 to 0.1 mm). */
    public static Ellipsoid cgcs2000Ellipsoid() {
        return CRS.getEllipsoid(cgcs2000());
    }

    /**
     * Decodes an EPSG code with longitude/easting first.
     *
     * @throws IllegalArgumentException if the EPSG database does not know the code
     */
    public static CoordinateReferenceSystem decode(int epsgCode) {
        return CACHE.computeIfAbsent(epsgCode, code -> {
            try {
                return CRS.decode("EPSG:" + code, true);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("EPSG:" + code + " is not in the EPSG database", e);
            }
        });
    }
}
