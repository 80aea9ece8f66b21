package cn.mingjie.geocore.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.geocore.crs.GaussKrugerZone.Easting;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.cs.AxisDirection;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;

class ChineseCrsTest {

    @Test
    void geographicSystemsComeFromTheEpsgDatabaseLongitudeFirst() {
        CoordinateReferenceSystem cgcs2000 = ChineseCrs.cgcs2000();
        assertThat(cgcs2000.getName().getCode()).isEqualTo("China Geodetic Coordinate System 2000");
        assertThat(CRS.getAxisOrder(cgcs2000)).isEqualTo(CRS.AxisOrder.EAST_NORTH);
        assertThat(ChineseCrs.wgs84().getName().getCode()).isEqualTo("WGS 84");
        assertThat(CRS.getAxisOrder(ChineseCrs.wgs84())).isEqualTo(CRS.AxisOrder.EAST_NORTH);
    }

    @Test
    void cgcs2000EllipsoidIsGrs80ForAllPracticalPurposes() {
        var ellipsoid = ChineseCrs.cgcs2000Ellipsoid();
        assertThat(ellipsoid.getSemiMajorAxis()).isEqualTo(6_378_137.0);
        assertThat(ellipsoid.getInverseFlattening()).isCloseTo(298.257222101, within(1e-9));
    }

    @Test
    void chongqingZoneCodesAreTheOnesEpsgNames() {
        assertThat(GaussKrugerZone.ZONE_35.epsgCode(Easting.ZONE_PREFIXED)).isEqualTo(4523);
        assertThat(GaussKrugerZone.ZONE_36.epsgCode(Easting.ZONE_PREFIXED)).isEqualTo(4524);
        assertThat(GaussKrugerZone.ZONE_37.epsgCode(Easting.ZONE_PREFIXED)).isEqualTo(4525);
        assertThat(ChineseCrs.decode(4523).getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone 35");
        // Without the prefix the series starts at 4534 = CM 75E, so CM 105E is 4544, not 4543 as is
        // sometimes written: 4543 is CM 102E.
        assertThat(GaussKrugerZone.ZONE_35.epsgCode(Easting.PLAIN)).isEqualTo(4544);
        assertThat(GaussKrugerZone.ZONE_36.epsgCode(Easting.PLAIN)).isEqualTo(4545);
        assertThat(GaussKrugerZone.ZONE_37.epsgCode(Easting.PLAIN)).isEqualTo(4546);
        assertThat(ChineseCrs.decode(4544).getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertThat(ChineseCrs.decode(4546).getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 111E");
        assertThat(ChineseCrs.decode(4543).getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 102E");
    }

    @Test
    void everyZoneCodeNamesItsZoneAndCentralMeridianAndEastingIsFirst() {
        for (int n = GaussKrugerZone.FIRST; n <= GaussKrugerZone.LAST; n++) {
            GaussKrugerZone zone = new GaussKrugerZone(n);
            ProjectedCRS prefixed = (ProjectedCRS) zone.crs(Easting.ZONE_PREFIXED);
            ProjectedCRS plain = (ProjectedCRS) zone.crs(Easting.PLAIN);
            assertThat(prefixed.getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone " + n);
            assertThat(plain.getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM " + (3 * n) + "E");
            assertThat(prefixed.getConversionFromBase()
                            .getParameterValues()
                            .parameter("false_easting")
                            .doubleValue())
                    .isEqualTo(zone.falseEasting(Easting.ZONE_PREFIXED));
            assertThat(plain.getConversionFromBase()
                            .getParameterValues()
                            .parameter("central_meridian")
                            .doubleValue())
                    .isEqualTo(zone.centralMeridian());
            // EPSG declares northing first for these; we must get easting first.
            assertThat(prefixed.getCoordinateSystem().getAxis(0).getDirection()).isEqualTo(AxisDirection.EAST);
            assertThat(plain.getCoordinateSystem().getAxis(0).getDirection()).isEqualTo(AxisDirection.EAST);
        }
    }

    @Test
    void unknownCodesAreRejected() {
        assertThatThrownBy(() -> ChineseCrs.decode(999_999)).isInstanceOf(IllegalArgumentException.class);
    }
}
