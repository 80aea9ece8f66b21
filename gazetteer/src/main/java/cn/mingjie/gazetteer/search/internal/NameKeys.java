package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.romanization.Reading;
import cn.mingjie.gazetteer.romanization.Romanizer;
import cn.mingjie.gazetteer.romanization.internal.BaseReadings;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys a name is indexed under and a query is looked up by: the normalized name and its 专名
 * (without 通名), toneless pinyin (every reading of characters nothing resolved) and syllable initials.
 */
final class NameKeys {

    /** Readings combined per name at most (names with many unresolved polyphones keep the first few). */
    static final int MAX_COMBINATIONS = 8;

    /** Toneless syllables of the base library's pinyin table (ü as v, also typed u: lve, lue). */
    private static final Set<String> SYLLABLES = syllables();

    record Keys(String norm, String core, boolean han, List<String> pinyin, List<String> initials) {}

    private NameKeys() {}

    private static Set<String> syllables() {
        Set<String> out = new HashSet<>();
        for (Pinyin p : Pinyin.values()) {
            if (p != Pinyin.none5) {
                String s = p.getPinyinWithoutTone();
                out.add(s);
                out.add(s.replace('v', 'u'));
            }
        }
        return Set.copyOf(out);
    }

    /**
     * Whether typed letters split wholly into pinyin syllables (ta, xian, tongnan); letters that do
     * not (daz, tnq, sjz) can only be initials or an unfinished syllable.
     */
    static boolean wholeSyllables(String letters) {
        int n = letters.length();
        if (n == 0) {
            return false;
        }
        boolean[] splits = new boolean[n + 1]; // splits[i]: letters[0, i) is whole syllables
        splits[0] = true;
        for (int i = 1; i <= n; i++) {
            for (int j = Math.max(0, i - 6); j < i && !splits[i]; j++) {
                splits[i] = splits[j] && SYLLABLES.contains(letters.substring(j, i));
            }
        }
        return splits[n];
    }

    /**
     * How many of a name's pinyin (or initials) keys, which {@link #of} lists first, are its usual
     * reading: the 专名's and the whole name's; later keys come from unresolved polyphones' other readings.
     */
    static int usualKeys(String norm, String core) {
        return core.length() < norm.length() ? 2 : 1;
    }

    /**
     * Full-width to half-width (NFKC), traditional to simplified, lower case; apostrophes and hyphens
     * dropped (xi'an, T'ung-nan); other punctuation becomes a space.
     */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = BaseReadings.toSimplified(s).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '’' || c == '‘' || c == '-' || c == '·') {
                continue;
            }
            if (Romanizer.isHan(c) || Character.isLetterOrDigit(c)) {
                sb.append(c == 'ü' ? 'v' : c);
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' '); // one space for any run of separators, none leading
            }
        }
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Romanizer.isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** Keys of a name as stored in a source. */
    static Keys of(String name, Romanizer romanizer) {
        String spaced = normalize(name);
        String norm = spaced.replace(" ", "");
        if (!hasHan(norm)) {
            Set<String> initials = new LinkedHashSet<>();
            StringBuilder ini = new StringBuilder();
            for (String w : spaced.split(" ")) {
                if (!w.isEmpty()) {
                    ini.append(w.charAt(0));
                }
            }
            initials.add(ini.toString());
            return new Keys(norm, norm, false, List.of(norm), List.copyOf(initials));
        }
        String core = romanizer.generics().split(norm).specific();
        List<Reading> readings = romanizer.read(norm);
        List<List<String>> options = new ArrayList<>();
        for (Reading r : readings) {
            options.add(r.ambiguous() ? r.alternatives() : List.of(r.key()));
        }
        Set<String> pinyin = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        int coreLength = core.length();
        for (List<String> combo : combinations(options, MAX_COMBINATIONS)) {
            StringBuilder full = new StringBuilder();
            StringBuilder ini = new StringBuilder();
            for (int i = 0; i < combo.size(); i++) {
                if (i == coreLength && coreLength < combo.size()) {
                    pinyin.add(full.toString());
                    initials.add(ini.toString());
                }
                full.append(combo.get(i));
                ini.append(combo.get(i).isEmpty() ? "" : combo.get(i).charAt(0));
            }
            pinyin.add(full.toString());
            initials.add(ini.toString());
        }
        return new Keys(norm, core, true, List.copyOf(pinyin), List.copyOf(initials));
    }

    /** Every reading of every character of a (normalized) query part, for pinyin lookups; Latin kept. */
    static List<String> queryPinyin(String norm, Romanizer romanizer, int max) {
        List<List<String>> options = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        for (Reading r : romanizer.read(norm)) {
            if (r.basis() == Reading.Basis.NOT_HAN) {
                latin.append(r.key());
                continue;
            }
            if (!latin.isEmpty()) {
                options.add(List.of(latin.toString()));
                latin.setLength(0);
            }
            options.add(r.alternatives().isEmpty() ? List.of(r.key()) : r.alternatives());
        }
        if (!latin.isEmpty()) {
            options.add(List.of(latin.toString()));
        }
        List<String> out = new ArrayList<>();
        for (List<String> combo : combinations(options, max)) {
            out.add(String.join("", combo));
        }
        return out;
    }

    static List<List<String>> combinations(List<List<String>> options, int max) {
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (List<String> choice : options) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String c : choice) {
                    if (next.size() >= max) {
                        break;
                    }
                    List<String> l = new ArrayList<>(prefix);
                    l.add(c);
                    next.add(l);
                }
            }
            out = next;
        }
        return out;
    }
}
