package cn.mingjie.gazetteer.romanization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Romanization golden cases and agreement with the reference pinyin lists (test resources/search). */
class RomanizerTest {

    private final Romanizer romanizer = Romanizer.standard();

    @Test
    void writesSpecificAndGenericSeparatelyAndCapitalized() {
        assertThat(romanizer.romanize("潼南区").text()).isEqualTo("Tongnan Qu");
        assertThat(romanizer.romanize("潼南区").toned()).isEqualTo("Tóngnán Qū");
        assertThat(romanizer.romanize("双江镇").text()).isEqualTo("Shuangjiang Zhen");
        assertThat(romanizer.romanize("城口县").text()).isEqualTo("Chengkou Xian");
        assertThat(romanizer.romanize("忠县").text()).isEqualTo("Zhong Xian");
        assertThat(romanizer.romanize("梓潼街道").text()).isEqualTo("Zitong Jiedao");
        assertThat(romanizer.romanize("长河源社区居民委员会").text()).isEqualTo("Changheyuan Shequ Jumin Weiyuanhui");
        assertThat(romanizer.romanize("石柱土家族自治县").text()).isEqualTo("Shizhu Tujiazu Zizhixian");
    }

    @Test
    void joinsOneSyllableModifiersToTheGenericTerm() {
        assertThat(romanizer.romanize("景山后街").text()).isEqualTo("Jingshan Houjie");
        assertThat(romanizer.romanize("缙云山").text()).isEqualTo("Jinyun Shan");
    }

    @Test
    void writesAnApostropheBeforeAoeSyllables() {
        assertThat(romanizer.romanize("西安").text()).isEqualTo("Xi'an");
        assertThat(romanizer.romanize("西安").toned()).isEqualTo("Xī'ān");
        assertThat(romanizer.romanize("天峨县").text()).isEqualTo("Tian'e Xian");
        assertThat(romanizer.romanize("蒲吕街道").text()).isEqualTo("Pulü Jiedao");
    }

    @Test
    void readsPolyphonicCharactersAsInPlaceNames() {
        Map<String, String> expected = Map.of(
                "重庆市", "Chóngqìng Shì",
                "长寿区", "Chángshòu Qū",
                "大足区", "Dàzú Qū",
                "綦江区", "Qíjiāng Qū",
                "涪陵区", "Fúlíng Qū",
                "北碚区", "Běibèi Qū",
                "丰都县", "Fēngdū Xiàn");
        expected.forEach((name, toned) -> {
            Romanization r = romanizer.romanize(name);
            assertThat(r.toned()).as(name).isEqualTo(toned);
            assertThat(r.ambiguous()).as(name).isFalse();
        });
    }

    @Test
    void readsTraditionalCharacters() {
        assertThat(romanizer.romanize("重慶市").text()).isEqualTo("Chongqing Shi");
        assertThat(romanizer.romanize("潼南區").text()).isEqualTo("Tongnan Qu");
        // 乾 is a simplified character of its own (the base library's conversion makes it 干).
        assertThat(romanizer.romanize("乾丰镇").text()).isEqualTo("Qianfeng Zhen");
    }

    @Test
    void saysWhenAReadingIsAGuessAndOffersTheAlternatives() {
        // 长 alone: cháng or zhǎng; nothing in the dictionaries decides for this name.
        Romanization r = romanizer.romanize("长坪镇");
        assertThat(r.ambiguous()).isTrue();
        assertThat(r.ambiguities()).extracting(Reading::character).contains("长");
        assertThat(r.alternatives()).contains("Zhangping Zhen");
        assertThat(r.text()).isEqualTo("Changping Zhen");
    }

    @Test
    void theOfficeDictionaryDecidesAmbiguousReadings() {
        Romanizer office = new Romanizer(
                PlaceNameDictionary.builtIn().with(Map.of("长坪", "zhang3 ping2")), GenericTerms.standard());
        Romanization r = office.romanize("长坪镇");
        assertThat(r.text()).isEqualTo("Zhangping Zhen");
        assertThat(r.ambiguous()).isFalse();
        assertThatThrownBy(() -> PlaceNameDictionary.parse("长坪", "zhang ping")).hasMessageContaining("tone number");
        assertThatThrownBy(() -> PlaceNameDictionary.parse("长坪", "zhang3")).hasMessageContaining("2 syllables");
        assertThatThrownBy(() -> PlaceNameDictionary.parse("长坪", "zhxng3 ping2"))
                .hasMessageContaining("not a pinyin syllable");
    }

    /** AreaCity's machine pinyin of the short names of all Chongqing districts and townships. */
    @Test
    void agreesWithTheAreaCityReferenceExceptForListedDifferences() throws IOException {
        Agreement current = agreement("cq_divisions_pinyin_areacity.csv");
        Agreement old = agreement("cq_divisions_pinyin_areacity_2017.csv");
        write("areacity", current, old);
        assertThat(current.total()).isEqualTo(1062);
        assertThat(current.rate()).isGreaterThan(0.97);
        // The 2017 file's known error: 丰都 read "feng dou"; we read it as the place is called.
        assertThat(old.differences()).anyMatch(d -> d.startsWith("丰都\tfeng dou\tfeng du"));
        assertThat(current.differences()).noneMatch(d -> d.startsWith("丰都\t"));
    }

    /** Tone-marked dictionary readings of words equal to division names (phrase-pinyin-data). */
    @Test
    void agreesWithThePhraseDictionaryMostly() throws IOException {
        List<String> diffs = new ArrayList<>();
        int total = 0;
        for (String line : lines("cq_phrase_pinyin.tsv")
                .subList(1, lines("cq_phrase_pinyin.tsv").size())) {
            String[] f = line.split("\t");
            total++;
            String ours = romanizer.read(f[1]).stream().map(Reading::toned).collect(Collectors.joining(" "));
            if (!Normalizer.normalize(ours, Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(f[2], Normalizer.Form.NFC))) {
                diffs.add(f[1] + "\t" + f[2] + "\t" + ours);
            }
        }
        double rate = 1 - diffs.size() / (double) total;
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "romanization-agreement-phrase.txt"),
                String.format(
                        "phrase-pinyin-data: %d words, %d agree (%.1f %%)%n%s%n",
                        total, total - diffs.size(), 100 * rate, String.join("\n", diffs)));
        assertThat(rate).isGreaterThan(0.9);
    }

    record Agreement(int total, List<String> differences) {
        double rate() {
            return 1 - differences.size() / (double) total;
        }
    }

    private Agreement agreement(String file) throws IOException {
        List<String> rows = lines(file);
        List<String> diffs = new ArrayList<>();
        int total = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.replace("\"", "").split(",");
            String name = f[3];
            String reference = f[5];
            total++;
            String ours = romanizer.read(name).stream().map(Reading::key).collect(Collectors.joining(" "));
            if (!ours.equals(reference)) {
                boolean flagged = romanizer.read(name).stream().anyMatch(Reading::ambiguous);
                diffs.add(name + "\t" + reference + "\t" + ours + (flagged ? "\t(flagged ambiguous)" : ""));
            }
        }
        return new Agreement(total, diffs);
    }

    private static void write(String name, Agreement current, Agreement old) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "romanization-agreement-" + name + ".txt"),
                String.format(
                        "AreaCity 2023/2024: %d names, %d agree (%.1f %%)%n%s%n%nAreaCity 2017: %d names, %d agree (%.1f %%)%n%s%n",
                        current.total(),
                        current.total() - current.differences().size(),
                        100 * current.rate(),
                        String.join("\n", current.differences()),
                        old.total(),
                        old.total() - old.differences().size(),
                        100 * old.rate(),
                        String.join("\n", old.differences())));
    }

    private static List<String> lines(String resource) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RomanizerTest.class.getResourceAsStream("/search/" + resource), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }
}
