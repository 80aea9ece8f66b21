package cn.mingjie.facility.walking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The real Andorra network (src/test/resources/osm), imported once per test JVM. */
public final class AndorraNetwork {

    private static OsmWalkingNetwork network;

    private AndorraNetwork() {}

    public static synchronized OsmWalkingNetwork get() {
        if (network == null) {
            try (InputStream in = AndorraNetwork.class.getResourceAsStream("/osm/andorra.osm.pbf")) {
                Path dir = Files.createDirectories(Path.of("target", "osm-test"));
                Path pbf = dir.resolve("andorra.osm.pbf");
                Files.copy(in, pbf, StandardCopyOption.REPLACE_EXISTING);
                Path graph = dir.resolve("graph-" + ProcessHandle.current().pid());
                network = OsmWalkingNetwork.load("andorra", pbf, graph);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return network;
    }
}
