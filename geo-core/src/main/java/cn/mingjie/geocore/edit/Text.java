package cn.mingjie.geocore.edit;

import java.text.Normalizer;

/** Text is stored as UTF-8 in Unicode NFC, so that the same name always compares equal. */
public final class Text {

    private Text() {}

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
