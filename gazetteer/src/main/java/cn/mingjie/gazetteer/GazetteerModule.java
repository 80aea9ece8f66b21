package cn.mingjie.gazetteer;

import cn.mingjie.geocore.postgis.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the gazetteer module and its database schema {@code gazetteer}, with search and
 * romanization (schema {@code search}, {@link cn.mingjie.gazetteer.search.SearchModule}): the register
 * romanizes its names with the one {@link cn.mingjie.gazetteer.romanization.Romanizer}, its places are a
 * search source ({@link PlaceNameSource}, fed by triggers in the gazetteer migrations) and the naming rules
 * look for duplicates and homophones through the search index.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class GazetteerModule {

    @Bean
    ModuleSchema gazetteerSchema() {
        return new ModuleSchema("gazetteer", 10);
    }
}
