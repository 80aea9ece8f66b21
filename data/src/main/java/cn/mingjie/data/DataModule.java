package cn.mingjie.data;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the sample loader and its schema {@code sample}, migrated after the modules. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class DataModule {

    @Bean
    ModuleSchema sampleSchema() {
        return new ModuleSchema("sample", 90);
    }
}
