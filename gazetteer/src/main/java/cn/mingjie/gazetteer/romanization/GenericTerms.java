package cn.mingjie.gazetteer.romanization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 通名 (generic terms) of place names and the rule that splits a name into its 专名 and 通名:
 * administrative terms are peeled from the end repeatedly (长河源社区居民委员会 → 长河源 + 社区 +
 * 居民委员会), a natural-feature or street term only once and only when no administrative term was
 * found (綦江区 → 綦江 + 区, but the river 綦江 → 綦 + 江). A 专名 is never left empty.
 */
public final class GenericTerms {

    /** A generic term with its standard romanization; {@code administrative} as described above. */
    public record Term(String text, String romanization, boolean administrative) {}

    /** A name split into its specific part (专名) and the generic terms (通名) that follow it. */
    public record NameParts(String specific, List<Term> generics) {
        public String genericText() {
            StringBuilder sb = new StringBuilder();
            generics.forEach(t -> sb.append(t.text()));
            return sb.toString();
        }
    }

    private static final GenericTerms STANDARD = load();

    private final List<Term> longestFirst;
    private final Map<String, Term> administrative = new HashMap<>();
    private final Map<String, Term> other = new HashMap<>();
    private final int longest;

    public GenericTerms(List<Term> terms) {
        this.longestFirst = terms.stream()
                .sorted(Comparator.comparingInt((Term t) -> t.text().length()).reversed())
                .toList();
        longestFirst.forEach(t -> (t.administrative() ? administrative : other).putIfAbsent(t.text(), t));
        this.longest = longestFirst.isEmpty() ? 0 : longestFirst.get(0).text().length();
    }

    /** The built-in list (resource romanization/generic-terms.tsv). */
    public static GenericTerms standard() {
        return STANDARD;
    }

    public List<Term> terms() {
        return longestFirst;
    }

    public NameParts split(String name) {
        String rest = name;
        List<Term> peeled = new ArrayList<>();
        for (Term t = longestSuffix(rest, administrative); t != null; t = longestSuffix(rest, administrative)) {
            peeled.add(0, t);
            rest = rest.substring(0, rest.length() - t.text().length());
        }
        if (peeled.isEmpty()) {
            Term t = longestSuffix(rest, other);
            if (t != null) {
                peeled.add(t);
                rest = rest.substring(0, rest.length() - t.text().length());
            }
        }
        return new NameParts(rest, List.copyOf(peeled));
    }

    /**
     * The longest term that ends the text and leaves a 专名 before it. Looked up by suffix rather than by
     * trying every term: a search splits every query, and the scan was a sixth of a query's planning.
     */
    private Term longestSuffix(String text, Map<String, Term> terms) {
        for (int length = Math.min(longest, text.length() - 1); length >= 1; length--) {
            Term t = terms.get(text.substring(text.length() - length));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static GenericTerms load() {
        List<Term> terms = new ArrayList<>();
        try (InputStream in = GenericTerms.class.getResourceAsStream("/romanization/generic-terms.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                terms.add(new Term(f[0], f[1], f[2].equals("admin")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GenericTerms(terms);
    }
}
