package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.search.NameKind;
import cn.mingjie.gazetteer.search.PlaceEntry;
import cn.mingjie.gazetteer.search.PlaceName;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class NameRecordTest {

    @Test
    void decodesWhatItEncoded() {
        PlaceName former =
                new PlaceName("潼南县", NameKind.HISTORICAL, LocalDate.of(1911, 1, 1), LocalDate.of(2015, 5, 31));
        PlaceEntry place = new PlaceEntry(
                "division",
                "500152",
                "division:500152",
                true,
                "潼南区",
                "district",
                3,
                "500152000000",
                List.of("500000000000"),
                105.84,
                30.19,
                false,
                0.8,
                "7",
                List.of(former));
        BytesRef encoded = NameRecord.encode(
                place, former, new NameKeys.Keys("潼南县", "潼南", true, List.of("tongnanxian"), List.of("tnx", "tn")));
        // Decoded from the middle of a larger buffer, as doc values hand it out.
        byte[] padded = new byte[encoded.length + 10];
        System.arraycopy(encoded.bytes, encoded.offset, padded, 5, encoded.length);
        NameRecord r = NameRecord.decode(new BytesRef(padded, 5, encoded.length));
        padded[5] = 'x'; // the iterator's buffer is reused: the record keeps its own copy

        assertThat(r.placeId()).isEqualTo("division:500152");
        assertThat(r.source()).isEqualTo("division");
        assertThat(r.primary()).isTrue();
        assertThat(r.name()).isEqualTo("潼南县");
        assertThat(r.kind()).isEqualTo(NameKind.HISTORICAL);
        assertThat(r.validFrom()).isEqualTo(LocalDate.of(1911, 1, 1));
        assertThat(r.validTo()).isEqualTo(LocalDate.of(2015, 5, 31));
        assertThat(r.norm()).isEqualTo("潼南县");
        assertThat(r.core()).isEqualTo("潼南");
        assertThat(r.pinyin()).containsExactly("tongnanxian");
        assertThat(r.initials()).containsExactly("tnx", "tn");
        assertThat(r.currentName()).isEqualTo("潼南区");
        assertThat(r.category()).isEqualTo("district");
        assertThat(r.level()).isEqualTo(3);
        assertThat(r.code()).isEqualTo("500152000000");
        assertThat(r.lon()).isEqualTo(105.84);
        assertThat(r.lat()).isEqualTo(30.19);
        assertThat(r.approximateLocation()).isFalse();
        assertThat(r.version()).isEqualTo("7");
    }

    @Test
    void absentValuesComeBackAbsent() {
        PlaceName name = new PlaceName("无名点", NameKind.CURRENT, null, null);
        PlaceEntry place = new PlaceEntry(
                "geonames",
                "1",
                "geonames:1",
                false,
                "无名点",
                null,
                null,
                null,
                List.of(),
                null,
                null,
                true,
                0.1,
                null,
                List.of(name));
        NameRecord r = NameRecord.decode(NameRecord.encode(
                place, name, new NameKeys.Keys("无名点", "无名点", true, List.of("wumingdian"), List.of("wmd"))));
        assertThat(r.primary()).isFalse();
        assertThat(r.validFrom()).isNull();
        assertThat(r.validTo()).isNull();
        assertThat(r.category()).isNull();
        assertThat(r.level()).isNull();
        assertThat(r.code()).isNull();
        assertThat(r.lon()).isNull();
        assertThat(r.lat()).isNull();
        assertThat(r.approximateLocation()).isTrue();
        assertThat(r.version()).isEmpty();
    }

    @Test
    void readsEveryDateLocalDateWrites() {
        for (LocalDate d : List.of(
                LocalDate.of(2024, 2, 29),
                LocalDate.of(1, 1, 1),
                LocalDate.of(-500, 6, 30),
                LocalDate.of(12_345, 12, 31),
                LocalDate.MIN,
                LocalDate.MAX)) {
            assertThat(NameRecord.date(d.toString())).isEqualTo(d);
        }
        assertThat(NameRecord.date("")).isNull();
    }
}
