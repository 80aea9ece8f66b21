package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.mingjie.boundary.internal.Wkb;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/** Golden WKT cases for the marker checks and the direction description, each with a case that must be flagged. */
class CheckGoldenTest {

    static final String LINE_CODE = "500151500152";
    static final LineString LINE = line("LINESTRING (105.90 30.00, 105.92 30.00)");

    @Test
    void aSingleMarkerOnTheLinePassesAndOneElevenMetresOffIsFlagged() {
        List<CheckFinding> f = BoundaryChecks.markerPlacement(
                LINE, List.of(marker(1, 'Q', 105.905, 30.0), marker(2, 'Q', 105.91, 30.0001)), CheckSettings.DEFAULTS);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).check()).isEqualTo("q-off-line");
        assertThat(f.get(0).subject()).isEqualTo(LINE_CODE + "002Q");
        // 0.0001° of latitude is 11.09 m, but segments are straight on the GK plane, and there the chord
        // between 105.90°E and 105.92°E runs 5 cm north of the parallel of 30°N.
        assertThat(f.get(0).measured()).isCloseTo(11.04, within(0.01));
        assertThat(f.get(0).tolerance()).isEqualTo(2.0);
        assertThat(f.get(0).textZh()).contains("11.04米");
    }

    @Test
    void pairedMarkersMustStandOnBothSides() {
        List<CheckFinding> f = BoundaryChecks.markerPlacement(
                LINE,
                List.of(
                        marker(2, 'A', 105.912, 30.00005),
                        marker(2, 'B', 105.912, 29.99995),
                        marker(3, 'A', 105.914, 30.00005),
                        marker(3, 'B', 105.9141, 30.00009)),
                CheckSettings.DEFAULTS);
        assertThat(f)
                .extracting(CheckFinding::check, CheckFinding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pair-one-side", LINE_CODE + "003"));
    }

    @Test
    void chainageMustGrowWithTheSequence() {
        List<CheckFinding> f = BoundaryChecks.chainage(
                LINE,
                List.of(marker(1, 'Q', 105.905, 30.0), marker(2, 'Q', 105.915, 30.0), marker(3, 'Q', 105.913, 30.0)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).subject()).isEqualTo(LINE_CODE + "003Q");
        assertThat(f.get(0).measured()).isCloseTo(1254.0, within(2.0)); // 0.013° east at 30°N
        assertThat(f.get(0).tolerance()).isCloseTo(1447.0, within(2.0));
    }

    @Test
    void numberingGapsMixedGroupsAndForeignPrefixesAreFlagged() {
        List<CheckFinding> f = BoundaryChecks.numbering(
                LINE_CODE,
                List.of(
                        marker(1, 'Q', 105.905, 30.0),
                        marker(2, 'A', 105.91, 30.0),
                        marker(5, 'Q', 105.915, 30.0),
                        new Marker(
                                9,
                                1,
                                "500111500152006Q",
                                6,
                                'Q',
                                null,
                                point(105.918, 30.0),
                                null,
                                null,
                                null,
                                "完好",
                                false,
                                List.of(),
                                null,
                                1)));
        assertThat(f)
                .extracting(CheckFinding::check, CheckFinding::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("numbering-group", LINE_CODE + "002"),
                        org.assertj.core.groups.Tuple.tuple("numbering-gap", LINE_CODE + "003–004"),
                        org.assertj.core.groups.Tuple.tuple("numbering-prefix", "500111500152006Q"));
    }

    @Test
    void displacementIsJudgedAgainstTwiceTheCombinedStatedAccuracy() {
        Marker m = marker(1, 'Q', 105.905, 30.0);
        // 0.1 m east between two surveys of σ = 2 cm: tolerance 2·√(0.02² + 0.02²) = 0.057 m → flagged.
        double metreOfLongitude = 1 / 96_486.0;
        List<MarkerSurvey> moved = List.of(
                survey(m, "2020-05-01", 105.905, 30.0, 0.02),
                survey(m, "2025-05-01", 105.905 + 0.1 * metreOfLongitude, 30.0, 0.02));
        List<CheckFinding> f = BoundaryChecks.displacement(m, moved, CheckSettings.DEFAULTS);
        assertThat(f).extracting(CheckFinding::check).containsExactly("displacement");
        assertThat(f.get(0).measured()).isCloseTo(0.1, within(0.002));
        assertThat(f.get(0).tolerance()).isCloseTo(0.057, within(0.001));
        // 3 cm is within tolerance, and 3 cm from the recorded position is well inside 2·√(1² + 0.02²).
        List<MarkerSurvey> steady = List.of(
                survey(m, "2020-05-01", 105.905, 30.0, 0.02),
                survey(m, "2025-05-01", 105.905 + 0.03 * metreOfLongitude, 30.0, 0.02));
        assertThat(BoundaryChecks.displacement(m, steady, CheckSettings.DEFAULTS))
                .isEmpty();
        // 5 m from the recorded position: the marker has been moved on the ground.
        List<MarkerSurvey> shifted = List.of(survey(m, "2025-05-01", 105.905 + 5 * metreOfLongitude, 30.0, 0.02));
        assertThat(BoundaryChecks.displacement(m, shifted, CheckSettings.DEFAULTS))
                .extracting(CheckFinding::check)
                .containsExactly("displacement-from-record");
    }

    @Test
    void describesTheLineFromMarkerToMarkerWithTrueBearingsAndDistances() {
        LineString l = line("LINESTRING (105.90 30.00, 105.92 30.00, 105.92 29.98)");
        DirectionDescription d =
                LineDescriptions.describe(l, List.of(marker(1, 'Q', 105.90, 30.0), marker(2, 'Q', 105.92, 30.0)));
        assertThat(d.legs()).hasSize(2);
        DirectionDescription.Leg east = d.legs().get(0);
        assertThat(east.from()).isEqualTo(LINE_CODE + "001Q");
        assertThat(east.to()).isEqualTo(LINE_CODE + "002Q");
        assertThat(east.trueBearing()).isCloseTo(89.995, within(0.002)); // geodesic azimuth east at 30°N
        assertThat(east.convergence()).isCloseTo(0.4502, within(0.0005)); // 0.9° east of CM 105°
        assertThat(east.compassZh()).isEqualTo("东");
        assertThat(east.distance()).isCloseTo(1930.0, within(3.0));
        DirectionDescription.Leg south = d.legs().get(1);
        assertThat(south.to()).isEqualTo("终点");
        assertThat(south.compassZh()).isEqualTo("南");
        assertThat(south.alongLine()).isCloseTo(2217.0, within(3.0));
        assertThat(d.textZh())
                .startsWith("自" + LINE_CODE + "001Q号界桩起，界线向东（真方位角90.0°）延伸，直线距离193")
                .contains("至界线终点。");
        assertThat(d.textEn()).contains("runs E (true bearing 90.0°)");
    }

    @Test
    void markerNumbersFollowTheRule() {
        assertThat(MarkerNumber.parse("500151500152001Q")).isEqualTo(new MarkerNumber(LINE_CODE, 1, 'Q'));
        assertThat(new MarkerNumber(LINE_CODE, 12, 'B').toString()).isEqualTo("500151500152012B");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MarkerNumber.parse("500151500152001X"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarkerNumber(LINE_CODE, 0, 'Q'))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Marker marker(int seq, char type, double lon, double lat) {
        return new Marker(
                seq * 10 + type,
                1,
                new MarkerNumber(LINE_CODE, seq, type).toString(),
                seq,
                type,
                "花岗岩",
                point(lon, lat),
                null,
                null,
                null,
                "完好",
                false,
                List.of(),
                null,
                1);
    }

    static MarkerSurvey survey(Marker m, String on, double lon, double lat, double sigma) {
        return new MarkerSurvey(0, m.id(), LocalDate.parse(on), point(lon, lat), null, sigma, "RTK", null);
    }

    static Point point(double lon, double lat) {
        return Wkb.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    static LineString line(String wkt) {
        try {
            return (LineString) new WKTReader(Wkb.FACTORY).read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
