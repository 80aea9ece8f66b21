package cn.mingjie.gazetteer.romanization;

import cn.mingjie.gazetteer.romanization.GenericTerms.NameParts;
import cn.mingjie.gazetteer.romanization.GenericTerms.Term;
import cn.mingjie.gazetteer.romanization.Reading.Basis;
import cn.mingjie.gazetteer.romanization.internal.BaseReadings;
import cn.mingjie.geocore.edit.Text;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Romanizes place names by GB/T 16159-2012 and the place-name spelling rules. Readings come from the
 * place-name dictionary first, then from words of the base library's lexicon, then per character;
 * a polyphonic character that nothing resolves is read with its most common reading and flagged.
 *
 * <p>Use {@link #standard()} for the built-in dictionary, or construct one with the office's.
 */
public final class Romanizer {

    /** One-syllable modifiers joined to a following natural-feature 通名 (景山后街 → Jingshan Houjie). */
    private static final String MODIFIERS = "东西南北中上下前后新老大小内外";

    private static final int MAX_ALTERNATIVES = 8;
    private static final Romanizer STANDARD = new Romanizer(PlaceNameDictionary.builtIn(), GenericTerms.standard());

    private final PlaceNameDictionary dictionary;
    private final GenericTerms generics;

    public Romanizer(PlaceNameDictionary dictionary, GenericTerms generics) {
        this.dictionary = dictionary;
        this.generics = generics;
    }

    public static Romanizer standard() {
        return STANDARD;
    }

    public PlaceNameDictionary dictionary() {
        return dictionary;
    }

    public GenericTerms generics() {
        return generics;
    }

    /** Romanizes a name (simplified or traditional characters). */
    public Romanization romanize(String name) {
        String simplified = BaseReadings.toSimplified(Text.nfc(name.strip()));
        NameParts parts = generics.split(simplified);
        String specific = parts.specific();
        List<Term> terms = parts.generics();
        String joinedModifier = "";
        if (terms.size() == 1
                && !terms.get(0).administrative()
                && specific.length() >= 3
                && MODIFIERS.indexOf(specific.charAt(specific.length() - 1)) >= 0) {
            joinedModifier = specific.substring(specific.length() - 1);
            specific = specific.substring(0, specific.length() - 1);
        }
        List<Reading> specificReadings = read(specific);
        List<Reading> all = new ArrayList<>(specificReadings);
        List<List<Reading>> words = new ArrayList<>();
        words.add(specificReadings);
        List<Reading> genericReadings = new ArrayList<>(read(joinedModifier));
        for (Reading r : read(parts.genericText())) {
            genericReadings.add(r.ambiguous() ? asGenericTerm(r) : r);
        }
        all.addAll(genericReadings);
        words.addAll(genericWords(genericReadings, joinedModifier, terms));

        StringBuilder text = new StringBuilder();
        StringBuilder toned = new StringBuilder();
        for (List<Reading> word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
                toned.append(' ');
            }
            text.append(render(word, false));
            toned.append(render(word, true));
        }
        boolean ambiguous = all.stream().anyMatch(Reading::ambiguous);
        List<String> alternatives = ambiguous ? alternatives(words, text.toString()) : List.of();
        return new Romanization(
                simplified,
                specific + joinedModifier,
                parts.genericText(),
                text.toString(),
                toned.toString(),
                List.copyOf(all),
                ambiguous,
                alternatives);
    }

    /**
     * The reading of every character of {@code text} (already simplified), in order. Search uses the
     * {@link Reading#key()} and {@link Reading#alternatives()} to build pinyin keys.
     */
    public List<Reading> read(String text) {
        List<Reading> out = new ArrayList<>(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isHan(c)) {
                String s = String.valueOf(c).toLowerCase(Locale.ROOT);
                out.add(new Reading(
                        String.valueOf(c), String.valueOf(c), String.valueOf(c), s, Basis.NOT_HAN, List.of(s)));
                i++;
                continue;
            }
            int taken = match(text, i, dictionary.maxLength(), 1, true, out);
            if (taken == 0) {
                taken = match(text, i, BaseReadings.MAX_LEXICON_WORD, 2, false, out);
            }
            if (taken == 0) {
                out.add(single(c));
                taken = 1;
            }
            i += taken;
        }
        return out;
    }

    private int match(String text, int from, int maxLength, int minLength, boolean placeDictionary, List<Reading> out) {
        for (int len = Math.min(maxLength, text.length() - from); len >= minLength; len--) {
            String word = text.substring(from, from + len);
            if (!allHan(word)) {
                continue;
            }
            Pinyin[] p = placeDictionary ? dictionary.get(word) : BaseReadings.word(word);
            if (p != null) {
                for (int k = 0; k < len; k++) {
                    out.add(reading(word.charAt(k), p[k], placeDictionary ? Basis.PLACE_DICTIONARY : Basis.LEXICON));
                }
                return len;
            }
        }
        return 0;
    }

    private static Reading asGenericTerm(Reading r) {
        return new Reading(r.character(), r.toned(), r.plain(), r.key(), Basis.GENERIC_TERM, r.alternatives());
    }

    private static Reading single(char c) {
        Pinyin[] all = BaseReadings.readingsOf(c);
        if (all == null) {
            String s = String.valueOf(c);
            return new Reading(s, s, s, s, Basis.UNKNOWN, List.of());
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (Pinyin p : all) {
            distinct.add(p.getPinyinWithoutTone());
        }
        return reading(c, all[0], distinct.size() > 1 ? Basis.GUESS : Basis.SINGLE_READING);
    }

    private static Reading reading(char c, Pinyin chosen, Basis basis) {
        List<String> alternatives = new ArrayList<>();
        alternatives.add(chosen.getPinyinWithoutTone());
        Pinyin[] all = BaseReadings.readingsOf(c);
        if (all != null) {
            for (Pinyin p : all) {
                if (!alternatives.contains(p.getPinyinWithoutTone())) {
                    alternatives.add(p.getPinyinWithoutTone());
                }
            }
        }
        String key = chosen.getPinyinWithoutTone();
        return new Reading(
                String.valueOf(c),
                chosen.getPinyinWithToneMark(),
                key.replace('v', 'ü'),
                key,
                basis,
                List.copyOf(alternatives));
    }

    /** Splits the readings of the generic part into the words of each term's romanization. */
    private static List<List<Reading>> genericWords(List<Reading> readings, String modifier, List<Term> terms) {
        List<List<Reading>> words = new ArrayList<>();
        int at = 0;
        for (Term term : terms) {
            String[] parts = term.romanization().toLowerCase(Locale.ROOT).split(" ");
            for (int w = 0; w < parts.length; w++) {
                String target = (w == 0 ? latinKey(modifier, readings) : "") + parts[w].replace("ü", "v");
                List<Reading> word = new ArrayList<>();
                StringBuilder got = new StringBuilder();
                while (at < readings.size() && got.length() < target.length()) {
                    got.append(readings.get(at).key());
                    word.add(readings.get(at++));
                }
                words.add(word);
            }
            modifier = "";
        }
        return words;
    }

    private static String latinKey(String modifier, List<Reading> readings) {
        return modifier.isEmpty() ? "" : readings.get(0).key();
    }

    private static String render(List<Reading> word, boolean withTones) {
        StringBuilder sb = new StringBuilder();
        for (Reading r : word) {
            String s = withTones ? r.toned() : r.plain();
            if (!sb.isEmpty() && r.basis() != Basis.NOT_HAN && startsWithAoe(r.plain())) {
                sb.append('\'');
            }
            sb.append(s);
        }
        return sb.isEmpty() ? "" : sb.substring(0, 1).toUpperCase(Locale.ROOT) + sb.substring(1);
    }

    private static boolean startsWithAoe(String plain) {
        char c = plain.isEmpty() ? ' ' : plain.charAt(0);
        return c == 'a' || c == 'o' || c == 'e';
    }

    /** Other romanizations from the ambiguous characters' other readings (toneless), at most a few. */
    private List<String> alternatives(List<List<Reading>> words, String chosen) {
        Set<String> out = new LinkedHashSet<>();
        for (int w = 0; w < words.size(); w++) {
            List<Reading> word = words.get(w);
            for (int k = 0; k < word.size() && out.size() < MAX_ALTERNATIVES; k++) {
                Reading r = word.get(k);
                if (!r.ambiguous()) {
                    continue;
                }
                for (String alt : r.alternatives().subList(1, r.alternatives().size())) {
                    List<Reading> changed = new ArrayList<>(word);
                    changed.set(
                            k,
                            new Reading(r.character(), alt, alt.replace('v', 'ü'), alt, r.basis(), r.alternatives()));
                    StringBuilder sb = new StringBuilder();
                    for (int v = 0; v < words.size(); v++) {
                        if (words.get(v).isEmpty()) {
                            continue;
                        }
                        if (!sb.isEmpty()) {
                            sb.append(' ');
                        }
                        sb.append(render(v == w ? changed : words.get(v), false));
                    }
                    if (!sb.toString().equals(chosen)) {
                        out.add(sb.toString());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean allHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isHan(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
