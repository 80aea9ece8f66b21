package cn.mingjie.gazetteer;

/** A place-name category (地名类别) and the area within which its names must be unique (Art. 9). */
public record Category(
        String code, String name, String nameEn, String majorClass, String uniquenessScope, String basis) {}
