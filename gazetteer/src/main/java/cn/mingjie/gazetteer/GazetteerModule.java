package cn.mingjie.gazetteer;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Spring wiring of the gazetteer module and its database schema {@code gazetteer}. Search is wired
 * separately ({@link cn.mingjie.gazetteer.search.SearchModule}): it keeps its own schema and index, and
 * the register works without it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "cn\\.mingjie\\.gazetteer\\.search\\..*"))
public class GazetteerModule {

    @Bean
    ModuleSchema gazetteerSchema() {
        return new ModuleSchema("gazetteer", 10);
    }
}
