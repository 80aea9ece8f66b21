package cn.mingjie.gazetteer;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Test drafts: a standard road in 潼南区梓潼街道 and friends. */
public final class Places {

    public static final String TONGNAN = "500152000000";
    public static final String ZITONG = "500152002000";

    private Places() {}

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader(new GeometryFactory(new PrecisionModel(), 4490)).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static PlaceDraft road(String proper, String generic, String wkt) {
        return new PlaceDraft(
                proper,
                generic,
                null,
                null,
                List.of(),
                "25100",
                ZITONG,
                "以所在地" + proper + "得名",
                "2019年修建，2020年命名",
                "东西走向的城市支路",
                null,
                2020,
                null,
                "潼南区地名办调查（测试数据）",
                "surveyed",
                wkt(wkt),
                "standard");
    }
}
