package cn.mingjie.facility;

import java.util.Arrays;
import java.util.Optional;

/** Where a facility is in its life; only operating facilities serve anyone in the indicators. */
public enum FacilityStatus {
    PLANNED("规划"),
    UNDER_CONSTRUCTION("在建"),
    OPERATING("运营"),
    CLOSED("停办");

    private final String chineseName;

    FacilityStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<FacilityStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(OPERATING);
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(t) || v.chineseName.equals(t))
                .findFirst();
    }
}
