package cn.mingjie.data.gazetteer;

import cn.mingjie.data.SampleDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register sample: divisions and GeoNames places as places, then 潼南's synthetic lists and built-up areas. */
@Configuration(proxyBeanMethods = false)
class GazetteerSampleDatasets {

    @Bean
    SampleDataset gazetteerDivisionsDataset(GazetteerSampleLoader loader) {
        return new SampleDataset(
                "gazetteer-divisions", "sample/divisions/cq_divisions_nbs2023.csv", 100, loader::loadDivisionPlaces);
    }

    @Bean
    SampleDataset gazetteerGeoNamesDataset(GazetteerSampleLoader loader) {
        return new SampleDataset(
                "gazetteer-geonames", "sample/places/cq_geonames_cities500.tsv", 110, loader::loadGeoNamesPlaces);
    }

    @Bean
    SampleDataset gazetteerProtectionListDataset(GazetteerSampleLoader loader) {
        return new SampleDataset(
                "gazetteer-tongnan-protection-synthetic",
                "sample/gazetteer/tongnan_protection_sample.csv",
                120,
                loader::loadTongnanProtectionSample);
    }

    @Bean
    SampleDataset gazetteerSignsDataset(GazetteerSampleLoader loader) {
        return new SampleDataset(
                "gazetteer-tongnan-signs-synthetic",
                "sample/gazetteer/tongnan_signs_sample.csv",
                130,
                loader::loadTongnanSignsSample);
    }

    @Bean
    SampleDataset gazetteerBuiltUpAreasDataset(GazetteerSampleLoader loader) {
        return new SampleDataset(
                "gazetteer-tongnan-built-up-areas-synthetic",
                "sample/gazetteer/tongnan_built_up_areas_synthetic.csv",
                140,
                loader::loadTongnanBuiltUpAreas);
    }
}
