package cn.mingjie.boundary;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the boundary module and its database schema {@code boundary}. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class BoundaryModule {

    @Bean
    ModuleSchema boundarySchema() {
        return new ModuleSchema("boundary", 20);
    }
}
