package cn.mingjie.gazetteer.romanization;

import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Readings of words (or single characters) as used in place names, e.g. 重庆 chong2 qing4. Entries
 * override the base library. Immutable; {@link #with} returns an extended copy.
 */
public final class PlaceNameDictionary {

    private static final PlaceNameDictionary BUILT_IN = load();

    private final Map<String, Pinyin[]> entries;
    private final int maxLength;

    private PlaceNameDictionary(Map<String, Pinyin[]> entries) {
        this.entries = Map.copyOf(entries);
        this.maxLength =
                entries.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** The built-in dictionary (resource romanization/place-readings.tsv). */
    public static PlaceNameDictionary builtIn() {
        return BUILT_IN;
    }

    /** This dictionary plus {@code more} (word → tone-numbered pinyin), which win over existing entries. */
    public PlaceNameDictionary with(Map<String, String> more) {
        Map<String, Pinyin[]> all = new HashMap<>(entries);
        more.forEach((word, pinyin) -> all.put(word, parse(word, pinyin)));
        return new PlaceNameDictionary(all);
    }

    Pinyin[] get(String word) {
        return entries.get(word);
    }

    int maxLength() {
        return maxLength;
    }

    public int size() {
        return entries.size();
    }

    /**
     * Parses tone-numbered pinyin ("chong2 qing4", ü written v or ü, neutral tone 5) for a word, one
     * syllable per character.
     *
     * @throws IllegalArgumentException when a syllable is not valid pinyin or the count differs
     */
    public static Pinyin[] parse(String word, String pinyin) {
        String[] syllables =
                pinyin.strip().toLowerCase(Locale.ROOT).replace('ü', 'v').split("\\s+");
        if (syllables.length != word.codePointCount(0, word.length())) {
            throw new IllegalArgumentException(
                    "expected " + word.codePointCount(0, word.length()) + " syllables for " + word + ": " + pinyin);
        }
        Pinyin[] out = new Pinyin[syllables.length];
        for (int i = 0; i < syllables.length; i++) {
            if (!syllables[i].matches("[a-z]+[1-5]")) {
                throw new IllegalArgumentException("tone number (1-5) required: " + syllables[i]);
            }
            try {
                out[i] = Pinyin.valueOf(syllables[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a pinyin syllable: " + syllables[i], e);
            }
        }
        return out;
    }

    private static PlaceNameDictionary load() {
        Map<String, Pinyin[]> entries = new HashMap<>();
        try (InputStream in = PlaceNameDictionary.class.getResourceAsStream("/romanization/place-readings.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                entries.put(f[0], parse(f[0], f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlaceNameDictionary(entries);
    }
}
