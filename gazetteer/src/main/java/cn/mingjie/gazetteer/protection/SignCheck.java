package cn.mingjie.gazetteer.protection;

/**
 * Whether a sign still says what the register says: {@code textMatches} compares the printed text
 * with the current standard name, {@code pinyinMatches} the printed pinyin (case, spaces and tone
 * marks ignored) with the place's romanization; null when the register has no romanization.
 */
public record SignCheck(
        long signId,
        String printedText,
        String currentName,
        boolean textMatches,
        String printedPinyin,
        String currentRomanization,
        Boolean pinyinMatches,
        boolean placeCeased) {}
