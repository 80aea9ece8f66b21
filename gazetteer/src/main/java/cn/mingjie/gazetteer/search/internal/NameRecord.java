package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * What a candidate needs at query time (the name, its keys, and the place's attributes), kept per
 * document as one binary doc value: a doc-value read is a few memory-mapped bytes, where a stored
 * document means decompressing a block of neighbours. Fields are UTF-8 text between separator bytes and
 * are decoded when first asked for: most of a query's fifty candidates are classified by their keys and
 * dropped, and decoding every field of every candidate was a quarter of a cheap query's CPU.
 */
final class NameRecord {

    private static final byte SEP = 0x1f;
    private static final String LIST_SEP = " ";
    private static final int FIELDS = 19;

    private static final int PLACE_ID = 0;
    private static final int SOURCE = 1;
    private static final int PRIMARY = 2;
    private static final int NAME = 3;
    private static final int KIND = 4;
    private static final int VALID_FROM = 5;
    private static final int VALID_TO = 6;
    private static final int NORM = 7;
    private static final int CORE = 8;
    private static final int PINYIN = 9;
    private static final int INITIALS = 10;
    private static final int CURRENT_NAME = 11;
    private static final int CATEGORY = 12;
    private static final int LEVEL = 13;
    private static final int CODE = 14;
    private static final int LON = 15;
    private static final int LAT = 16;
    private static final int APPROXIMATE = 17;
    private static final int VERSION = 18;

    private final byte[] bytes;
    /** Field i is bytes[start[i], start[i + 1] - 1). */
    private final int[] start = new int[FIELDS + 1];

    private final String[] text = new String[FIELDS];
    private List<String> pinyin;
    private List<String> initials;

    private NameRecord(byte[] bytes) {
        this.bytes = bytes;
        int field = 1;
        for (int i = 0; i < bytes.length && field < FIELDS; i++) {
            if (bytes[i] == SEP) {
                start[field++] = i + 1;
            }
        }
        if (field != FIELDS) {
            throw new IllegalStateException("search index record with " + field + " fields, not " + FIELDS);
        }
        start[FIELDS] = bytes.length + 1;
    }

    /** The record of one name of a place, as indexed. */
    static BytesRef encode(PlaceEntry e, PlaceName n, NameKeys.Keys k) {
        StringBuilder sb = new StringBuilder(128);
        append(sb, e.placeId());
        append(sb, e.source());
        append(sb, e.primary() ? "1" : "0");
        append(sb, n.name());
        append(sb, n.kind().name());
        append(sb, n.validFrom() == null ? null : n.validFrom().toString());
        append(sb, n.validTo() == null ? null : n.validTo().toString());
        append(sb, k.norm());
        append(sb, k.core());
        append(sb, String.join(LIST_SEP, k.pinyin()));
        append(sb, String.join(LIST_SEP, k.initials()));
        append(sb, e.currentName());
        append(sb, e.category());
        append(sb, e.level() == null ? null : e.level().toString());
        append(sb, e.code());
        append(sb, e.lon() == null ? null : e.lon().toString());
        append(sb, e.lat() == null ? null : e.lat().toString());
        append(sb, e.approximateLocation() ? "1" : "0");
        sb.append(e.version() == null ? "" : e.version());
        return new BytesRef(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A view of the record; the bytes are copied, since a doc-values iterator reuses its buffer. */
    static NameRecord decode(BytesRef bytes) {
        return new NameRecord(Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
    }

    private String text(int field) {
        String s = text[field];
        if (s == null) {
            s = new String(bytes, start[field], start[field + 1] - 1 - start[field], StandardCharsets.UTF_8);
            text[field] = s;
        }
        return s;
    }

    private String optional(int field) {
        String s = text(field);
        return s.isEmpty() ? null : s;
    }

    private Double number(int field) {
        String s = optional(field);
        return s == null ? null : Double.valueOf(s);
    }

    private boolean flag(int field) {
        return bytes[start[field]] == '1';
    }

    String placeId() {
        return text(PLACE_ID);
    }

    String source() {
        return text(SOURCE);
    }

    boolean primary() {
        return flag(PRIMARY);
    }

    String name() {
        return text(NAME);
    }

    NameKind kind() {
        return NameKind.valueOf(text(KIND));
    }

    LocalDate validFrom() {
        return date(text(VALID_FROM));
    }

    LocalDate validTo() {
        return date(text(VALID_TO));
    }

    String norm() {
        return text(NORM);
    }

    String core() {
        return text(CORE);
    }

    List<String> pinyin() {
        if (pinyin == null) {
            pinyin = List.of(text(PINYIN).split(LIST_SEP));
        }
        return pinyin;
    }

    List<String> initials() {
        if (initials == null) {
            initials = List.of(text(INITIALS).split(LIST_SEP));
        }
        return initials;
    }

    String currentName() {
        return text(CURRENT_NAME);
    }

    String category() {
        return optional(CATEGORY);
    }

    Integer level() {
        String s = optional(LEVEL);
        return s == null ? null : Integer.valueOf(s);
    }

    String code() {
        return optional(CODE);
    }

    Double lon() {
        return number(LON);
    }

    Double lat() {
        return number(LAT);
    }

    boolean approximateLocation() {
        return flag(APPROXIMATE);
    }

    String version() {
        return text(VERSION);
    }

    /**
     * ISO dates as {@link LocalDate#toString()} wrote them; the common yyyy-MM-dd read directly, since
     * the formatter behind {@link LocalDate#parse} cost more than the rest of a candidate's decoding.
     */
    static LocalDate date(String iso) {
        if (iso.isEmpty()) {
            return null;
        }
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            return LocalDate.of(
                    Integer.parseInt(iso, 0, 4, 10), Integer.parseInt(iso, 5, 7, 10), Integer.parseInt(iso, 8, 10, 10));
        }
        return LocalDate.parse(iso);
    }

    private static void append(StringBuilder sb, String value) {
        sb.append(value == null ? "" : value).append((char) SEP);
    }
}
