package cn.mingjie.gazetteer.romanization;

import java.util.List;

/**
 * The standard romanization of a name: {@code text} without tone marks ("Tongnan Qu", "Xi'an"),
 * {@code toned} with them ("Tóngnán Qū"). {@code ambiguous} is set when some character's reading was
 * guessed; {@code alternatives} then lists the other possible romanizations (without tone marks).
 */
public record Romanization(
        String name,
        String specific,
        String generic,
        String text,
        String toned,
        List<Reading> readings,
        boolean ambiguous,
        List<String> alternatives) {

    /** The ambiguous readings, for saying which characters need a decision. */
    public List<Reading> ambiguities() {
        return readings.stream().filter(Reading::ambiguous).toList();
    }
}
