package cn.mingjie.gazetteer.protection;

import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The protection lists and the sign inventory; every write is audited. */
@Service
public class ProtectionAndSigns {

    private static final Set<String> SIGN_TYPES = Set.of(
            "ROAD",
            "STREET",
            "LANE",
            "HOUSE_NUMBER",
            "BUILDING",
            "RESIDENTIAL",
            "VILLAGE",
            "TOWNSHIP",
            "NATURAL",
            "OTHER");
    private static final Set<String> CONDITIONS = Set.of("GOOD", "WORN", "DAMAGED", "MISSING");
    private static final String ENTRY_COLUMNS = "entry_id, row_version, place_id, name, list_kind, batch, criteria,"
            + " name_age_years, status, measures, comment_from, comment_to, published_on, source";
    private static final String SIGN_COLUMNS = "sign_id, row_version, place_id, sign_type, printed_text,"
            + " printed_pinyin, st_asbinary(geom), installed_on, condition, photo_refs, source";

    private final JdbcTemplate jdbc;
    private final PlaceRegister places;
    private final AuditLog audit;

    public ProtectionAndSigns(JdbcTemplate jdbc, PlaceRegister places, AuditLog audit) {
        this.jdbc = jdbc;
        this.places = places;
        this.audit = audit;
    }

    @Transactional
    public ProtectionEntry addEntry(ProtectionEntry e, ChangeContext who) {
        validate(e);
        if (e.placeId() != null) {
            places.place(e.placeId());
        }
        long id = jdbc.queryForObject(
                "insert into gazetteer.protection_entry (place_id, name, list_kind, batch, criteria, name_age_years,"
                        + " status, measures, comment_from, comment_to, published_on, source)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning entry_id",
                Long.class,
                e.placeId(),
                Text.nfc(e.name().strip()),
                e.listKind(),
                e.batch(),
                Text.nfc(e.criteria()),
                e.nameAgeYears(),
                e.status(),
                Text.nfc(e.measures()),
                e.commentFrom(),
                e.commentTo(),
                e.publishedOn(),
                e.source());
        ProtectionEntry created = entry(id);
        audit.record(who, "protection-entry", Long.toString(id), "create", null, created);
        return created;
    }

    /**
     * Changes an entry (null fields of {@code change} keep their value); refused with 412 when the entry changed since
     * {@code expectedTag} was read.
     */
    @Transactional
    public ProtectionEntry updateEntry(long id, ProtectionEntryChange change, String expectedTag, ChangeContext who) {
        ProtectionEntry before = entry(id);
        if (!before.versionTag().equals(expectedTag)) {
            throw new VersionConflictException("protection-entry", Long.toString(id), expectedTag, before.versionTag());
        }
        ProtectionEntry after = change.applyTo(before);
        validate(after);
        if (after.placeId() != null) {
            places.place(after.placeId());
        }
        int updated = jdbc.update(
                "update gazetteer.protection_entry set place_id = ?, name = ?, batch = ?, criteria = ?,"
                        + " name_age_years = ?, status = ?, measures = ?, comment_from = ?, comment_to = ?,"
                        + " published_on = ?, row_version = row_version + 1 where entry_id = ? and row_version = ?",
                after.placeId(),
                Text.nfc(after.name().strip()),
                after.batch(),
                Text.nfc(after.criteria()),
                after.nameAgeYears(),
                after.status(),
                Text.nfc(after.measures()),
                after.commentFrom(),
                after.commentTo(),
                after.publishedOn(),
                id,
                rowVersion(before.versionTag()));
        if (updated == 0) { // changed by someone else between our read and this write
            throw new VersionConflictException(
                    "protection-entry",
                    Long.toString(id),
                    expectedTag,
                    entry(id).versionTag());
        }
        ProtectionEntry stored = entry(id);
        audit.record(who, "protection-entry", Long.toString(id), "update", before, stored);
        return stored;
    }

    /**
     * The rules every stored entry obeys, among them: an entry is published only after its public-comment period has
     * ended.
     */
    private static void validate(ProtectionEntry e) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Set.of("DISTRICT", "RURAL").contains(e.listKind())) {
            problems.add(new FieldProblem("listKind", "error.protection.list-kind", e.listKind()));
        }
        if (!Set.of("IN_USE", "VANISHED").contains(e.status())) {
            problems.add(new FieldProblem("status", "error.protection.status", e.status()));
        }
        if (e.batch() < 1) {
            problems.add(new FieldProblem("batch", "error.protection.batch"));
        }
        if (e.criteria() == null || e.criteria().isBlank()) {
            problems.add(new FieldProblem("criteria", "error.protection.criteria"));
        }
        if (e.name() == null || e.name().isBlank()) {
            problems.add(new FieldProblem("name", "error.name.required"));
        }
        if (e.commentFrom() != null && e.commentTo() != null && e.commentTo().isBefore(e.commentFrom())) {
            problems.add(new FieldProblem("commentTo", "error.protection.comment-period"));
        }
        if (e.publishedOn() != null) {
            if (e.commentFrom() == null || e.commentTo() == null) {
                problems.add(new FieldProblem("publishedOn", "error.protection.comment-missing"));
            } else if (!e.publishedOn().isAfter(e.commentTo())) {
                problems.add(new FieldProblem(
                        "publishedOn",
                        "error.protection.comment-open",
                        e.publishedOn().toString(),
                        e.commentTo().toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** The row version inside a version tag "p&lt;id&gt;.&lt;row_version&gt;" or "s&lt;id&gt;.&lt;row_version&gt;". */
    private static int rowVersion(String versionTag) {
        return Integer.parseInt(versionTag.substring(versionTag.lastIndexOf('.') + 1));
    }

    public ProtectionEntry entry(long id) {
        return jdbc
                .query(
                        "select " + ENTRY_COLUMNS + " from gazetteer.protection_entry where entry_id = ?",
                        this::mapEntry,
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("protection-entry", Long.toString(id)));
    }

    /** Entries of a list kind (all when null), by batch and name; {@code division} limits to places under it. */
    public List<ProtectionEntry> entries(String listKind, String divisionPrefix) {
        StringBuilder sql =
                new StringBuilder("select " + ENTRY_COLUMNS + " from gazetteer.protection_entry e where true");
        List<Object> args = new ArrayList<>();
        if (listKind != null) {
            sql.append(" and list_kind = ?");
            args.add(listKind);
        }
        if (divisionPrefix != null) {
            sql.append(" and (place_id is null or exists (select 1 from gazetteer.place_version_all v"
                    + " where v.place_id = e.place_id and v.division_code like ?))");
            args.add(divisionPrefix + "%");
        }
        sql.append(" order by list_kind, batch, name");
        return jdbc.query(sql.toString(), this::mapEntry, args.toArray());
    }

    @Transactional
    public Sign addSign(
            long placeId,
            String signType,
            String printedText,
            String printedPinyin,
            Point position,
            LocalDate installedOn,
            String condition,
            List<String> photos,
            String source,
            ChangeContext who) {
        places.place(placeId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!SIGN_TYPES.contains(signType)) problems.add(new FieldProblem("signType", "error.sign.type", signType));
        if (!CONDITIONS.contains(condition)) {
            problems.add(new FieldProblem("condition", "error.sign.condition", condition));
        }
        if (printedText == null || printedText.isBlank())
            problems.add(new FieldProblem("printedText", "error.sign.text"));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.queryForObject(
                        "insert into gazetteer.sign (place_id, sign_type, printed_text, printed_pinyin, geom, installed_on,"
                                + " condition, photo_refs, source) values (?, ?, ?, ?, st_setsrid(st_geomfromwkb(?), 4490),"
                                + " ?, ?, ?, ?) returning sign_id",
                        (rs, i) -> rs.getLong(1),
                        placeId,
                        signType,
                        Text.nfc(printedText.strip()),
                        Text.nfc(printedPinyin),
                        position == null ? null : new WKBWriter().write(position),
                        installedOn,
                        condition,
                        photos == null ? new String[0] : photos.toArray(String[]::new),
                        source)
                .longValue();
        Sign created = sign(id);
        audit.record(who, "sign", Long.toString(id), "create", null, summary(created));
        return created;
    }

    /** Changes a sign (null fields of {@code change} keep their value), checked against {@code expectedTag}. */
    @Transactional
    public Sign updateSign(long id, SignChange change, String expectedTag, ChangeContext who) {
        Sign before = sign(id);
        if (!before.versionTag().equals(expectedTag)) {
            throw new VersionConflictException("sign", Long.toString(id), expectedTag, before.versionTag());
        }
        Sign after = change.applyTo(before);
        places.place(after.placeId());
        validate(after);
        int updated = jdbc.update(
                "update gazetteer.sign set place_id = ?, sign_type = ?, printed_text = ?, printed_pinyin = ?,"
                        + " geom = st_setsrid(st_geomfromwkb(?), 4490), installed_on = ?, condition = ?, photo_refs = ?,"
                        + " row_version = row_version + 1 where sign_id = ? and row_version = ?",
                after.placeId(),
                after.signType(),
                Text.nfc(after.printedText().strip()),
                Text.nfc(after.printedPinyin()),
                after.position() == null ? null : new WKBWriter().write(after.position()),
                after.installedOn(),
                after.condition(),
                after.photoRefs().toArray(String[]::new),
                id,
                rowVersion(before.versionTag()));
        if (updated == 0) {
            throw new VersionConflictException("sign", Long.toString(id), expectedTag, sign(id).versionTag());
        }
        Sign stored = sign(id);
        audit.record(who, "sign", Long.toString(id), "update", summary(before), summary(stored));
        return stored;
    }

    private static void validate(Sign s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!SIGN_TYPES.contains(s.signType()))
            problems.add(new FieldProblem("signType", "error.sign.type", s.signType()));
        if (!CONDITIONS.contains(s.condition())) {
            problems.add(new FieldProblem("condition", "error.sign.condition", s.condition()));
        }
        if (s.printedText() == null || s.printedText().isBlank())
            problems.add(new FieldProblem("printedText", "error.sign.text"));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public Sign sign(long id) {
        return jdbc
                .query("select " + SIGN_COLUMNS + " from gazetteer.sign where sign_id = ?", this::mapSign, id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("sign", Long.toString(id)));
    }

    public List<Sign> signs(Long placeId) {
        if (placeId == null) {
            return jdbc.query("select " + SIGN_COLUMNS + " from gazetteer.sign order by sign_id", this::mapSign);
        }
        return jdbc.query(
                "select " + SIGN_COLUMNS + " from gazetteer.sign where place_id = ? order by sign_id",
                this::mapSign,
                placeId);
    }

    /** Compares each sign with the current standard name of its place. */
    public List<SignCheck> checkSigns(Long placeId) {
        return signs(placeId).stream().map(this::check).toList();
    }

    private SignCheck check(Sign s) {
        PlaceVersion current = places.find(s.placeId(), null).orElse(null);
        String name = current == null ? null : current.name();
        String roman = current == null ? null : current.romanization();
        Boolean pinyinMatches = roman == null || s.printedPinyin() == null
                ? null
                : comparable(roman).equals(comparable(s.printedPinyin()));
        return new SignCheck(
                s.signId(),
                s.printedText(),
                name,
                s.printedText().equals(name),
                s.printedPinyin(),
                roman,
                pinyinMatches,
                current == null);
    }

    /** Signs print capitals and split syllables freely (GB 17733); compare letters only, without tone marks. */
    static String comparable(String pinyin) {
        String decomposed = Normalizer.normalize(pinyin, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private static Object summary(Sign s) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("placeId", s.placeId());
        m.put("signType", s.signType());
        m.put("printedText", s.printedText());
        m.put("printedPinyin", s.printedPinyin());
        m.put("position", s.position() == null ? null : s.position().toText());
        m.put("installedOn", s.installedOn());
        m.put("condition", s.condition());
        m.put("photoRefs", s.photoRefs());
        return m;
    }

    private ProtectionEntry mapEntry(ResultSet rs, int row) throws SQLException {
        return new ProtectionEntry(
                rs.getLong(1),
                "p" + rs.getLong(1) + "." + rs.getInt(2),
                (Long) rs.getObject(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                (Integer) rs.getObject(8),
                rs.getString(9),
                rs.getString(10),
                rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class),
                rs.getObject(13, LocalDate.class),
                rs.getString(14));
    }

    private Sign mapSign(ResultSet rs, int row) throws SQLException {
        Point p = null;
        byte[] wkb = rs.getBytes(7);
        if (wkb != null) {
            try {
                p = (Point) new WKBReader().read(wkb);
                p.setSRID(4490);
            } catch (ParseException e) {
                throw new SQLException(e);
            }
        }
        Array photos = rs.getArray(10);
        return new Sign(
                rs.getLong(1),
                "s" + rs.getLong(1) + "." + rs.getInt(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                p,
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                photos == null ? List.of() : Arrays.asList((String[]) photos.getArray()),
                rs.getString(11));
    }
}
