package cn.mingjie.data;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sample's foundation: divisions, their polygons, reference lists and derived townships. */
@Configuration(proxyBeanMethods = false)
class CoreSampleDatasets {

    @Bean
    SampleDataset nbs2021Dataset(DivisionEditionLoader editions) {
        return new SampleDataset(
                "nbs-2021", "sample/divisions/cq_divisions_nbs2021.csv", 10, editions::loadEdition2021);
    }

    @Bean
    SampleDataset nbs2023Dataset(DivisionEditionLoader editions) {
        return new SampleDataset(
                "nbs-2023", "sample/divisions/cq_divisions_nbs2023.csv", 20, editions::loadEdition2023);
    }

    @Bean
    SampleDataset tiandituDistrictsDataset(DistrictPolygonLoader polygons) {
        return new SampleDataset(
                "tianditu-districts", "sample/boundaries/cq_districts_tianditu.geojson", 30, polygons::load);
    }

    @Bean
    SampleDataset geonamesDataset(ReferenceLoader references) {
        return new SampleDataset("geonames", "sample/places/cq_geonames_cities500.tsv", 40, references::loadGeoNames);
    }

    @Bean
    SampleDataset pinyinPhraseDataset(ReferenceLoader references) {
        return new SampleDataset(
                "pinyin-phrase", "sample/pinyin/cq_phrase_pinyin.tsv", 50, references::loadPhrasePinyin);
    }

    @Bean
    SampleDataset pinyinAreaCityDataset(ReferenceLoader references) {
        return new SampleDataset(
                "pinyin-areacity",
                "sample/divisions/cq_divisions_pinyin_areacity.csv",
                60,
                references::loadAreaCityPinyin);
    }

    @Bean
    SampleDataset derivedTownshipsDataset(DerivedTownships townships) {
        return new SampleDataset(
                "derived-townships",
                "sample/osm/cq_osm_township_coverage_2025.csv",
                70,
                townships::deriveForSampleDistricts);
    }
}
