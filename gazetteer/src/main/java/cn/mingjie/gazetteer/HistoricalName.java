package cn.mingjie.gazetteer;

import java.time.LocalDate;

/**
 * A name the place had (历史地名): either an earlier version in the register ({@code fromVersion}) or
 * one recorded from a source for a time before the register knew the place.
 */
public record HistoricalName(
        String name,
        String romanization,
        LocalDate validFrom,
        LocalDate validTo,
        String note,
        String source,
        boolean fromVersion) {}
