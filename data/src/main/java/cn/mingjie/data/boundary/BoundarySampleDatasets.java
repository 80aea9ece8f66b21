package cn.mingjie.data.boundary;

import cn.mingjie.data.SampleDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The boundary sample: lines derived from the polygons, then synthetic markers on 潼南区's lines, then the
 * 大足区—铜梁区—潼南区 junction with a synthetic triple marker group.
 */
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

    @Bean
    SampleDataset boundaryJunctionAndSyntheticTripleDataset(BoundarySampleLoader loader) {
        return new SampleDataset(
                "boundary-junction-and-synthetic-triple",
                "sample/boundary/junction_markers_synthetic.csv",
                210,
                loader::loadJunctions);
    }
}
