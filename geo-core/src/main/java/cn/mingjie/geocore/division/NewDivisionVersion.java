package cn.mingjie.geocore.division;

import java.time.LocalDate;

/** What a loader or an edit supplies to open a version. */
public record NewDivisionVersion(
        String code,
        String name,
        DivisionLevel level,
        String parentCode,
        LocalDate validFrom,
        String source,
        String changeReason) {}
