package cn.mingjie.gazetteer.romanization;

import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's place-name readings (table search.place_reading) and the romanizer that uses them on
 * top of the built-in dictionary. Every change is audited.
 */
@Repository
public class PlaceReadings {

    static final String ENTITY = "place-reading";

    /** One office entry. */
    public record Entry(String word, String pinyin, String note, String updatedBy) {}

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private volatile Romanizer romanizer;

    public PlaceReadings(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The romanizer with the built-in dictionary and the office's entries. */
    public Romanizer romanizer() {
        Romanizer r = romanizer;
        if (r == null) {
            Map<String, String> office = new LinkedHashMap<>();
            list().forEach(e -> office.put(e.word(), e.pinyin()));
            r = new Romanizer(PlaceNameDictionary.builtIn().with(office), GenericTerms.standard());
            romanizer = r;
        }
        return r;
    }

    /**
     * {@link #romanizer()} as a supplier bound to this object rather than to its Spring proxy: the search
     * asks for the romanizer on every query, and the proxy's interception cost more than the call.
     */
    public Supplier<Romanizer> romanizers() {
        return this::romanizer;
    }

    public List<Entry> list() {
        return jdbc.query(
                "select word, pinyin, note, updated_by from search.place_reading order by word",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Adds or replaces the reading of a word (tone numbers, one syllable per character). */
    @Transactional
    public Entry put(String word, String pinyin, String note, ChangeContext who) {
        String w = Text.nfc(word == null ? "" : word.strip());
        if (w.isEmpty()
                || !w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            throw ValidationException.of("word", "search.error.reading.word", w);
        }
        String p = pinyin == null ? "" : pinyin.strip();
        try {
            PlaceNameDictionary.parse(w, p);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("pinyin", "search.error.reading.pinyin", p, e.getMessage());
        }
        Entry before = jdbc
                .query(
                        "select word, pinyin, note, updated_by from search.place_reading where word = ? for update",
                        (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        w)
                .stream()
                .findFirst()
                .orElse(null);
        jdbc.update(
                "insert into search.place_reading (word, pinyin, note, updated_by) values (?, ?, ?, ?)"
                        + " on conflict (word) do update set pinyin = excluded.pinyin, note = excluded.note,"
                        + " updated_by = excluded.updated_by, updated_at = now()",
                w,
                p,
                note,
                who.actor());
        Entry after = new Entry(w, p, note, who.actor());
        audit.record(who, ENTITY, w, before == null ? "create" : "update", before, after);
        romanizer = null;
        return after;
    }
}
