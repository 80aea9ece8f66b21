package cn.mingjie.gazetteer.romanization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    public GenericTerms(List<Term> terms) {
        this.longestFirst = terms.stream()
                .sorted(Comparator.comparingInt((Term t) -> t.text().length()).reversed())
                .toList();
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
        boolean found = true;
        while (found) {
            found = false;
            for (Term t : longestFirst) {
                if (t.administrative() && rest.length() > t.text().length() && rest.endsWith(t.text())) {
                    peeled.add(0, t);
                    rest = rest.substring(0, rest.length() - t.text().length());
                    found = true;
                    break;
                }
            }
        }
        if (peeled.isEmpty()) {
            for (Term t : longestFirst) {
                if (!t.administrative() && rest.length() > t.text().length() && rest.endsWith(t.text())) {
                    peeled.add(t);
                    rest = rest.substring(0, rest.length() - t.text().length());
                    break;
                }
            }
        }
        return new NameParts(rest, List.copyOf(peeled));
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
