package cn.mingjie.geocore.layer;

import cn.mingjie.geocore.edit.NotFoundException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every layer any module contributed, in drawing order (lowest first), each with its style. */
@Component
public class LayerCatalogue {

    private final Map<String, LayerDefinition> layers = new LinkedHashMap<>();
    private final Map<String, LayerStyle> styles = new LinkedHashMap<>();

    public LayerCatalogue(List<LayerDefinition> definitions) {
        definitions.stream()
                .sorted(Comparator.comparingInt(LayerDefinition::drawOrder).thenComparing(LayerDefinition::id))
                .forEach(d -> {
                    if (layers.putIfAbsent(d.id(), d) != null) {
                        throw new IllegalStateException("two layers are called " + d.id());
                    }
                    styles.put(d.id(), LayerStyle.load(d));
                });
    }

    public List<LayerDefinition> all() {
        return List.copyOf(layers.values());
    }

    public LayerDefinition get(String id) {
        LayerDefinition d = layers.get(id);
        if (d == null) {
            throw new NotFoundException("layer", id);
        }
        return d;
    }

    public LayerStyle style(String id) {
        get(id);
        return styles.get(id);
    }
}
