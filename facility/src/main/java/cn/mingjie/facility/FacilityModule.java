package cn.mingjie.facility;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the facility module and its database schema {@code facility}. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class FacilityModule {

    @Bean
    ModuleSchema facilitySchema() {
        return new ModuleSchema("facility", 30);
    }
}
