package cn.mingjie.gazetteer;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the gazetteer module and its database schema {@code gazetteer}. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class GazetteerModule {

    @Bean
    ModuleSchema gazetteerSchema() {
        return new ModuleSchema("gazetteer", 10);
    }
}
