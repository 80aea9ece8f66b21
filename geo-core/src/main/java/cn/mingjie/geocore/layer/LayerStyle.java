package cn.mingjie.geocore.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.w3c.dom.Document;

/**
 * A layer's style: its SLD 1.0 text (what GeoServer gets), all its rules translated for the built-in
 * map (filter, scale range, Leaflet style) and a fingerprint of definition and style, which changes
 * whenever either does.
 */
public record LayerStyle(String sld, List<StyleRule> rules, String fingerprint) {

    public LayerStyle {
        rules = List.copyOf(rules);
    }

    /**
     * Loads and checks the layer's SLD. The properties its filters and labels read must be in the
     * layer's allowlist: tiles and GeoJSON carry nothing else, so the map could not apply the rule.
     */
    static LayerStyle load(LayerDefinition definition) {
        String sld = read(definition.styleResource());
        Document doc = SldDocuments.parse(sld);
        SldDocuments.validate(doc);
        SldDocuments.rejectRemoteReferences(doc);
        List<StyleRule> rules = SldDocuments.toRules(doc);
        for (StyleRule rule : rules) {
            List<String> read = new ArrayList<>(
                    rule.filter() == null ? List.of() : rule.filter().properties());
            if (rule.style().label() != null && rule.style().label().attribute() != null) {
                read.add(rule.style().label().attribute());
            }
            for (String property : read) {
                if (definition.attribute(property).isEmpty()) {
                    throw new IllegalStateException("style of layer " + definition.id() + " reads " + property
                            + ", which is not in the layer's attribute allowlist");
                }
            }
        }
        return new LayerStyle(sld, rules, fingerprint(definition + "\n" + sld));
    }

    /** The first rule's style: the layer's look where a single swatch must stand for it. */
    public LeafletStyle leaflet() {
        return rules.get(0).style();
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
