package cn.mingjie.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.geojson.GeoJsonOutput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The search answer's point coordinates are written as GeoJsonOutput writes positions. */
class SearchControllerTest {

    private static String asGeoJsonOutput(double value) {
        return BigDecimal.valueOf(value)
                .setScale(GeoJsonOutput.DEFAULT_DECIMALS, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    @Test
    void degreesRoundHalfUpToSevenDecimalsLikeGeoJsonOutput() {
        double[] edges = {
            0,
            -0.0,
            105,
            -105,
            180,
            -180,
            90.5,
            105.12345675,
            -105.12345675,
            105.12345674999,
            29.99999995,
            -29.99999995,
            179.99999999,
            0.00049999,
            0.0005,
            1e-8,
            -1e-8,
            0.0012345678,
            106.1,
            1.0E-7,
            99.99999996
        };
        for (double v : edges) {
            assertThat(SearchController.degrees(v)).as("%s", v).isEqualTo(asGeoJsonOutput(v));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = random.nextDouble(-180, 180);
            if (i % 3 == 0) {
                // Values with few decimals, as stored points often have, and exact half-way cases.
                v = Math.round(v * 1e8) / 1e8;
            }
            assertThat(SearchController.degrees(v)).as("%s", v).isEqualTo(asGeoJsonOutput(v));
        }
        assertThat(SearchController.point(105.7, -29.25))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[105.7,-29.25]}");
    }
}
