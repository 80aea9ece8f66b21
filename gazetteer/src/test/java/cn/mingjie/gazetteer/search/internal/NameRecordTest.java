package cn.mingjie.gazetteer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.gazetteer.search.NameKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameRecordTest {

    @Test
    void decodesWhatItEncoded() {
        NameRecord r = new NameRecord(
                "division:500223",
                "division",
                true,
                "潼南县",
                NameKind.HISTORICAL,
                LocalDate.of(1911, 1, 1),
                LocalDate.of(2015, 5, 31),
                "潼南县",
                "潼南",
                List.of("tongnanxian"),
                List.of("tnx"),
                "潼南区",
                "district",
                3,
                "500152",
                105.84,
                30.19,
                false,
                "7");
        assertThat(NameRecord.decode(r.encode())).isEqualTo(r);
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
