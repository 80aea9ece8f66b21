package cn.mingjie.facility;

import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionRegister;
import cn.mingjie.geocore.division.NewDivisionVersion;
import java.time.LocalDate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Constructed divisions for tests: codes, names and WKT polygons chosen by hand. */
public final class TestDivisions {

    private TestDivisions() {}

    public static void add(DivisionRegister register, String code, String name, int level, String parent, String wkt) {
        register.open(new NewDivisionVersion(
                code, name, DivisionLevel.of(level), parent, LocalDate.of(2020, 1, 1), "test", null));
        if (wkt != null) {
            try {
                MultiPolygon g = (MultiPolygon) new WKTReader().read(wkt);
                g.setSRID(4490);
                register.setCurrentGeometry(code, g, "test");
            } catch (ParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
