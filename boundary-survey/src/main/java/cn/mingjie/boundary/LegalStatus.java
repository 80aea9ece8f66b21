package cn.mingjie.boundary;

/** Legal status of a line, as INSPIRE's agreed / notAgreed. */
public enum LegalStatus {
    AGREED("agreed"),
    DISPUTED("disputed");

    private final String dbValue;

    LegalStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static LegalStatus ofDb(String value) {
        return value.equals("agreed") ? AGREED : DISPUTED;
    }
}
