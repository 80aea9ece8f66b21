package cn.mingjie.boundary;

/**
 * One thing a check found: which check, about what ({@code subject}: a marker number, a line code, a
 * division code), where (lon/lat, may be null), by how much against which tolerance, in Chinese and
 * English. {@link #key()} identifies it for acknowledgement before sign-off.
 */
public record CheckFinding(
        String check,
        String subject,
        Double lon,
        Double lat,
        double measured,
        double tolerance,
        String unit,
        String textZh,
        String textEn) {

    public String key() {
        return check + ":" + subject;
    }
}
