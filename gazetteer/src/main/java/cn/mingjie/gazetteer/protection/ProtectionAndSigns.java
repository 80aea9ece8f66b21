package cn.mingjie.gazetteer.protection;

import cn.mingjie.gazetteer.PlaceRegister;
import cn.mingjie.gazetteer.PlaceVersion;
import cn.mingjie.geocore.audit.AuditLog;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.Text;
import cn.mingjie.geocore.edit.ValidationException;
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
        List<FieldProblem> problems = new ArrayList<>();
        if (!Set.of("DISTRICT", "RURAL").contains(e.listKind())) {
            problems.add(new FieldProblem("listKind", "error.protection.list-kind", e.listKind()));
        }
        if (!Set.of("IN_USE", "VANISHED").contains(e.status())) {
            problems.add(new FieldProblem("status", "error.protection.status", e.status()));
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
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
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
        return java.util.Map.of(
                "placeId",
                s.placeId(),
                "signType",
                s.signType(),
                "printedText",
                s.printedText(),
                "condition",
                s.condition());
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
