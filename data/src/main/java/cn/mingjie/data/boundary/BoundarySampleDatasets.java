package cn.mingjie.data.boundary;

import cn.mingjie.data.SampleDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The boundary sample: lines derived from the polygons, then synthetic markers on 潼南区's lines. */
@Configuration(proxyBeanMethods = false)
class BoundarySampleDatasets {

    @Bean
    SampleDataset boundaryLinesAndSyntheticMarkersDataset(BoundarySampleLoader loader) {
        return new SampleDataset(
                "boundary-lines-and-synthetic-markers",
                "sample/boundary/tongnan_markers_synthetic.csv",
                200,
                loader::load);
    }
}
