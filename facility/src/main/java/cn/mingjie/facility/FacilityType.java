package cn.mingjie.facility;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of civil-affairs facility the plan's indicators count. */
public enum FacilityType {
    STREET_CENTRE("街道养老服务中心", "Sub-district elder-care centre", Category.ELDER_CARE),
    COMMUNITY_STATION("社区养老服务站", "Community elder-care station", Category.ELDER_CARE),
    NEIGHBOURHOOD_POINT("小区养老服务点", "Neighbourhood elder-care point", Category.ELDER_CARE),
    ELDER_INSTITUTION("养老机构", "Elder-care institution", Category.ELDER_CARE),
    RURAL_NURSING_HOME("敬老院", "Rural nursing home", Category.ELDER_CARE),
    DISABLED_CARE_CENTRE("失能特困人员集中照护中心", "Care centre for disabled destitute elders", Category.ELDER_CARE),
    PUBLIC_CEMETERY("公益性公墓", "Public cemetery", Category.FUNERAL),
    COMMERCIAL_CEMETERY("经营性公墓", "Commercial cemetery", Category.FUNERAL),
    FUNERAL_HOME("殡仪馆", "Funeral home", Category.FUNERAL),
    FUNERAL_STATION("殡仪服务站", "Funeral service station", Category.FUNERAL);

    /** Elder care is what the 15-minute circle measures; funeral facilities are counted per district. */
    public enum Category {
        ELDER_CARE,
        FUNERAL
    }

    private final String chineseName;
    private final String englishName;
    private final Category category;

    FacilityType(String chineseName, String englishName, Category category) {
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.category = category;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public Category category() {
        return category;
    }

    public boolean isCemetery() {
        return this == PUBLIC_CEMETERY || this == COMMERCIAL_CEMETERY;
    }

    /** Cemeteries may be mapped as their area; everything else is a point. */
    public boolean allowsArea() {
        return isCemetery();
    }

    /**
     * Counts as a comprehensive elder-care institution (综合性养老机构) for the per-town target when it
     * has beds: a sub-district centre, an institution, a rural nursing home or a regional care centre.
     */
    public boolean isResidentialElderCare() {
        return this == STREET_CENTRE
                || this == ELDER_INSTITUTION
                || this == RURAL_NURSING_HOME
                || this == DISABLED_CARE_CENTRE;
    }

    /** Accepts the enum name (COMMUNITY_STATION) or the Chinese name (社区养老服务站). */
    public static Optional<FacilityType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(t) || v.chineseName.equals(t))
                .findFirst();
    }
}
