package cn.mingjie.boundary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A marker number: line code + 3-digit sequence (from 001, west→east or north→south) + type letter
 * (Q 单立; A/B 同号双立; C/D/E 同号三立).
 */
public record MarkerNumber(String lineCode, int sequence, char type) {

    private static final Pattern FORMAT = Pattern.compile("(.+)(\\d{3})([QABCDE])");

    public MarkerNumber {
        if (sequence < 1 || sequence > 999) {
            throw new IllegalArgumentException("sequence 001–999, not " + sequence);
        }
        if ("QABCDE".indexOf(type) < 0) {
            throw new IllegalArgumentException("type Q/A/B/C/D/E, not " + type);
        }
    }

    public static MarkerNumber parse(String number) {
        Matcher m = FORMAT.matcher(number == null ? "" : number.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a marker number: " + number);
        }
        return new MarkerNumber(
                m.group(1), Integer.parseInt(m.group(2)), m.group(3).charAt(0));
    }

    /** How many markers share a number of this type: 1 for Q, 2 for A/B, 3 for C/D/E. */
    public static int groupSize(char type) {
        return type == 'Q' ? 1 : (type == 'A' || type == 'B') ? 2 : 3;
    }

    @Override
    public String toString() {
        return lineCode + String.format("%03d", sequence) + type;
    }
}
