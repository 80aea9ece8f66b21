package cn.mingjie.geocore.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key geo-core's geometry code can produce has a Chinese and an English text. */
class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> keysUsedInSources() throws IOException {
        Pattern key = Pattern.compile("\"(error\\.geometry\\.[a-z-]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/mingjie/geocore"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void bothLanguagesCoverTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
        Properties zh = bundle("geocore-messages.properties");
        Properties en = bundle("geocore-messages_en.properties");
        Set<String> used = keysUsedInSources();
        assertThat(used)
                .contains("error.geometry.parse", "error.geometry.lat-lon-swapped", "error.geometry.self-intersection");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames()).containsAll(used);
        assertThat(zh.stringPropertyNames()).isEqualTo(used);
    }

    @Test
    void messagesFormatTheirArguments() throws IOException {
        String zh = MessageFormat.format(
                bundle("geocore-messages.properties").getProperty("error.geometry.lat-lon-swapped"), 29.8, 105.9);
        assertThat(zh).contains("[29.8, 105.9]").contains("应为 [105.9, 29.8]");
        String en = new MessageFormat(
                        bundle("geocore-messages_en.properties").getProperty("error.geometry.self-intersection"),
                        Locale.ENGLISH)
                .format(new Object[] {106.1234567, 29.5});
        assertThat(en).isEqualTo("The shape intersects itself at [106.123457, 29.5].");
    }
}
