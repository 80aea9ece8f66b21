package cn.mingjie.gazetteer.search;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schema {@code search} (place-name readings, the index's change queue and identity). Order 5:
 * after geo-core, whose division table it puts a trigger on, and before the gazetteer register, whose
 * migrations may attach their own tables to search.note_name_change.
 */
@Configuration(proxyBeanMethods = false)
public class SearchModule {

    @Bean
    ModuleSchema searchSchema() {
        return new ModuleSchema("search", 5);
    }
}
