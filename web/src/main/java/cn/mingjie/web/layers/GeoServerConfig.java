package cn.mingjie.web.layers;

import cn.mingjie.geocore.layer.LayerCatalogue;
import cn.mingjie.geocore.layer.geoserver.GeoServerPublisher;
import cn.mingjie.geocore.layer.geoserver.PublishReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GeoServer settings, and publishing from the command line:
 * {@code java -jar web/target/web-*.jar --mingjie.geoserver.publish=true [--mingjie.geoserver.dry-run=true]
 * --mingjie.geoserver.url=… --spring.main.web-application-type=none} prints the plan (or the steps
 * done) and exits with 0, or 1 with the failing request. See docs/geoserver.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GeoServerProperties.class)
public class GeoServerConfig {

    private static final Logger log = LoggerFactory.getLogger(GeoServerConfig.class);

    @Bean
    @ConditionalOnProperty(name = "mingjie.geoserver.publish", havingValue = "true")
    ApplicationRunner geoServerPublishCommand(
            GeoServerProperties properties, LayerCatalogue catalogue, ConfigurableApplicationContext context) {
        return args -> {
            boolean dryRun = args.containsOption("mingjie.geoserver.dry-run")
                    && !"false"
                            .equals(args.getOptionValues("mingjie.geoserver.dry-run")
                                    .get(0));
            int status = publishCommand(properties, catalogue, dryRun, System.out, System.err);
            System.exit(SpringApplication.exit(context, () -> status));
        };
    }

    /** The command: prints the plan or the steps done; 0 on success, 1 on a GeoServer error, 2 unconfigured. */
    static int publishCommand(
            GeoServerProperties properties,
            LayerCatalogue catalogue,
            boolean dryRun,
            java.io.PrintStream out,
            java.io.PrintStream err) {
        if (!properties.configured()) {
            err.println("mingjie.geoserver.url is not set");
            return 2;
        }
        try {
            PublishReport report = GeoServerPublisher.publish(properties.settings(), catalogue, dryRun);
            out.print(report.describe());
            return 0;
        } catch (RuntimeException e) {
            log.error("GeoServer publishing failed", e);
            err.println("GeoServer publishing failed: " + e.getMessage());
            return 1;
        }
    }
}
