package cn.mingjie.data.facility;

import cn.mingjie.data.SampleDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The synthetic facility sample: populations and central towns before the facilities themselves. */
@Configuration(proxyBeanMethods = false)
class FacilitySampleDatasets {

    @Bean
    SampleDataset facilityPopulationDataset(FacilitySampleLoader loader) {
        return new SampleDataset(
                "facility-population-synthetic",
                "sample/facility/community_population_synthetic.csv",
                300,
                loader::loadPopulation);
    }

    @Bean
    SampleDataset facilityCentralTownsDataset(FacilitySampleLoader loader) {
        return new SampleDataset(
                "facility-central-towns-synthetic",
                "sample/facility/central_towns_synthetic.csv",
                310,
                loader::loadCentralTowns);
    }

    @Bean
    SampleDataset facilitiesDataset(FacilitySampleLoader loader) {
        return new SampleDataset(
                "facility-synthetic", "sample/facility/facilities_synthetic.csv", 320, loader::loadFacilities);
    }
}
