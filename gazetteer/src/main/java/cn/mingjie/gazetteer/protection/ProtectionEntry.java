package cn.mingjie.gazetteer.protection;

import java.time.LocalDate;

/**
 * An entry of a protection list: DISTRICT (区级) or RURAL (乡村) list, batch number, why it was
 * chosen ({@code criteria}, e.g. age, category, cultural value), IN_USE or VANISHED (消失地名), the
 * protection measures, and the public-comment period before publication.
 */
public record ProtectionEntry(
        long entryId,
        String versionTag,
        Long placeId,
        String name,
        String listKind,
        int batch,
        String criteria,
        Integer nameAgeYears,
        String status,
        String measures,
        LocalDate commentFrom,
        LocalDate commentTo,
        LocalDate publishedOn,
        String source) {}
