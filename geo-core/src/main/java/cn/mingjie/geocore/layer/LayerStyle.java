package cn.mingjie.geocore.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.w3c.dom.Document;

/**
 * A layer's style: its SLD 1.0 text (what GeoServer gets), the Leaflet translation (what the
 * built-in map uses) and a fingerprint of definition and style, which changes whenever either does.
 */
public record LayerStyle(String sld, LeafletStyle leaflet, String fingerprint) {

    static LayerStyle load(LayerDefinition definition) {
        String sld = read(definition.styleResource());
        Document doc = SldDocuments.parse(sld);
        SldDocuments.validate(doc);
        SldDocuments.rejectRemoteReferences(doc);
        return new LayerStyle(sld, SldDocuments.toLeaflet(doc), fingerprint(definition + "\n" + sld));
    }

    private static String read(String resource) {
        try (InputStream in = LayerStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no SLD style at classpath:" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
