package cn.mingjie.data.facility;

import cn.mingjie.facility.walking.OsmWalkingNetwork;
import cn.mingjie.facility.walking.WalkingNetworks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Registers the demo walking network (the real OSM extract of Andorra, data/sample/osm) at start-up,
 * so that the facility pages can show network service areas beside the Chongqing fallback. The graph
 * is built once per extract checksum and then loaded from {@code mingjie.facility.graph-dir}.
 */
@Component
public class SampleWalkingNetwork {

    static final String RESOURCE = "sample/osm/andorra.osm.pbf";
    private static final Logger log = LoggerFactory.getLogger(SampleWalkingNetwork.class);

    public SampleWalkingNetwork(
            WalkingNetworks networks,
            @Value("${mingjie.facility.sample-network:true}") boolean enabled,
            @Value("${mingjie.facility.graph-dir:${java.io.tmpdir}/mingjie-graphhopper}") Path graphDir) {
        if (!enabled) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
                InputStream forDigest = new ClassPathResource(RESOURCE).getInputStream()) {
            String sha = DigestUtils.sha256Hex(forDigest);
            Path dir = Files.createDirectories(graphDir.resolve("andorra-" + sha.substring(0, 12)));
            Path pbf = dir.resolve("andorra.osm.pbf");
            if (!Files.exists(pbf)) {
                Files.copy(in, pbf, StandardCopyOption.REPLACE_EXISTING);
            }
            networks.register(OsmWalkingNetwork.load("andorra", pbf, dir.resolve("graph")));
            log.info("步行路网 / walking network: andorra (OSM, ODbL) from {}", dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
