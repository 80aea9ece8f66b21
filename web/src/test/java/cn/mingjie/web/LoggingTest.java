package cn.mingjie.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * GeoTools arrives as a fat jar that used to carry slf4j 1.7 and guava 16. In the booted app, slf4j
 * must be version 2 bound to Logback, and GeoTools' own logging must come out through Logback.
 */
@MingjieAppTest
@ExtendWith(OutputCaptureExtension.class)
class LoggingTest {

    @Test
    void theBootedAppLogsThroughLogbackWithSlf4j2(CapturedOutput output) throws Exception {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        // slf4j 2 has the fluent API; 1.7's LoggerFactory would not find Logback's provider at all.
        assertThat(org.slf4j.Logger.class.getMethod("atInfo")).isNotNull();
        String slf4jJar = org.slf4j.LoggerFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        assertThat(slf4jJar).contains("slf4j-api-2.");

        LoggerFactory.getLogger("cn.mingjie.logging-check").warn("logback-check 名界");
        assertThat(output).containsPattern("WARN \\d+ --- \\[mingjie\\] .*logback-check 名界");
    }

    @Test
    void geoToolsWorksAndItsJavaUtilLoggingReachesLogback(CapturedOutput output) throws Exception {
        assertThat(CRS.decode("EPSG:4490").getName().getCode()).contains("China Geodetic Coordinate System 2000");
        // GeoTools logs through java.util.logging; Spring Boot bridges it into slf4j/Logback.
        java.util.logging.Logger.getLogger("org.geotools.mingjie-check").warning("geotools-jul-check");
        assertThat(output).containsPattern("WARN \\d+ --- \\[mingjie\\] .*geotools-jul-check");
        // guava inside GeoTools is relocated, so its 2014 guava cannot shadow anyone else's.
        assertThat(classExists("cn.mingjie.shaded.guava.collect.ImmutableList")).isTrue();
    }

    @Test
    void theShadedGeoToolsLeavesJavaImageIoWorking() throws Exception {
        // GeoTools' raster plug-in registrations used to break ImageIO (PDF reports embed images).
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        assertThat(javax.imageio.ImageIO.write(image, "png", png)).isTrue();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.toByteArray()))
                        .getWidth())
                .isEqualTo(4);
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
