package cn.mingjie.gazetteer.search.internal;

import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * What a candidate needs at query time (the name, its keys, and the place's attributes), kept per
 * document as one binary doc value: a doc-value read is a few memory-mapped bytes, where a stored
 * document means decompressing a block of neighbours.
 */
record NameRecord(
        String placeId,
        String source,
        boolean primary,
        String name,
        NameKind kind,
        LocalDate validFrom,
        LocalDate validTo,
        String norm,
        String core,
        List<String> pinyin,
        List<String> initials,
        String currentName,
        String category,
        Integer level,
        String code,
        Double lon,
        Double lat,
        boolean approximateLocation,
        String version) {

    private static final char SEP = '\u001f';
    private static final String LIST_SEP = " ";

    static NameRecord of(PlaceEntry e, PlaceName n, NameKeys.Keys k) {
        return new NameRecord(
                e.placeId(),
                e.source(),
                e.primary(),
                n.name(),
                n.kind(),
                n.validFrom(),
                n.validTo(),
                k.norm(),
                k.core(),
                k.pinyin(),
                k.initials(),
                e.currentName(),
                e.category(),
                e.level(),
                e.code(),
                e.lon(),
                e.lat(),
                e.approximateLocation(),
                e.version());
    }

    BytesRef encode() {
        StringBuilder sb = new StringBuilder(128);
        append(sb, placeId);
        append(sb, source);
        append(sb, primary ? "1" : "0");
        append(sb, name);
        append(sb, kind.name());
        append(sb, validFrom == null ? null : validFrom.toString());
        append(sb, validTo == null ? null : validTo.toString());
        append(sb, norm);
        append(sb, core);
        append(sb, String.join(LIST_SEP, pinyin));
        append(sb, String.join(LIST_SEP, initials));
        append(sb, currentName);
        append(sb, category);
        append(sb, level == null ? null : level.toString());
        append(sb, code);
        append(sb, lon == null ? null : lon.toString());
        append(sb, lat == null ? null : lat.toString());
        append(sb, approximateLocation ? "1" : "0");
        sb.append(version == null ? "" : version);
        return new BytesRef(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static NameRecord decode(BytesRef bytes) {
        String[] f = new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8)
                .split(String.valueOf(SEP), -1);
        return new NameRecord(
                f[0],
                f[1],
                f[2].equals("1"),
                f[3],
                NameKind.valueOf(f[4]),
                date(f[5]),
                date(f[6]),
                f[7],
                f[8],
                List.of(f[9].split(LIST_SEP)),
                List.of(f[10].split(LIST_SEP)),
                f[11],
                f[12].isEmpty() ? null : f[12],
                f[13].isEmpty() ? null : Integer.valueOf(f[13]),
                f[14].isEmpty() ? null : f[14],
                f[15].isEmpty() ? null : Double.valueOf(f[15]),
                f[16].isEmpty() ? null : Double.valueOf(f[16]),
                f[17].equals("1"),
                f[18]);
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
        sb.append(value == null ? "" : value).append(SEP);
    }
}
