package cn.mingjie.geocore;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of geo-core: its repositories and its schema {@code geo}, migrated first. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class GeoCoreModule {

    @Bean
    ModuleSchema geoSchema() {
        return new ModuleSchema("geo", 0);
    }
}
