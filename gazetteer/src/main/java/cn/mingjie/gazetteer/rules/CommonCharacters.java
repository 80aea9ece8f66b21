package cn.mingjie.gazetteer.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The 通用规范汉字表 (2013, 8,105 characters in three grades), from the resource
 * rules/tongyong-guifan-hanzi-2013.txt (provenance beside it). A character outside it is a rare character
 * in the sense of 地名管理条例 Art. 9.
 */
public final class CommonCharacters {

    public static final int SIZE = 8105;
    private static final CommonCharacters TABLE = load();

    /** code point → grade 1, 2 or 3. */
    private final Map<Integer, Integer> grades;

    private CommonCharacters(Map<Integer, Integer> grades) {
        this.grades = grades;
    }

    public static CommonCharacters table() {
        return TABLE;
    }

    public int size() {
        return grades.size();
    }

    public boolean contains(int codePoint) {
        return grades.containsKey(codePoint);
    }

    /** 1 (一级, the 3,500 most common), 2 (二级), 3 (三级: names, terms) or 0 when not in the table. */
    public int grade(int codePoint) {
        return grades.getOrDefault(codePoint, 0);
    }

    private static CommonCharacters load() {
        Map<Integer, Integer> grades = new HashMap<>();
        try (InputStream in = CommonCharacters.class.getResourceAsStream("/rules/tongyong-guifan-hanzi-2013.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                s = s.strip();
                if (s.isEmpty()) {
                    continue;
                }
                line++;
                if (s.codePointCount(0, s.length()) != 1) {
                    throw new IllegalStateException("通用规范汉字表 line " + line + " is not one character: " + s);
                }
                grades.put(s.codePointAt(0), line <= 3500 ? 1 : line <= 6500 ? 2 : 3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (grades.size() != SIZE) {
            throw new IllegalStateException("通用规范汉字表 has " + grades.size() + " characters, expected " + SIZE);
        }
        return new CommonCharacters(grades);
    }
}
