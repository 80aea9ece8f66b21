package cn.mingjie.gazetteer.protection;

import java.time.LocalDate;

/** A change to a protection-list entry: each non-null field replaces the stored value; null keeps it. */
public record ProtectionEntryChange(
        Long placeId,
        String name,
        Integer batch,
        String criteria,
        Integer nameAgeYears,
        String status,
        String measures,
        LocalDate commentFrom,
        LocalDate commentTo,
        LocalDate publishedOn) {

    ProtectionEntry applyTo(ProtectionEntry e) {
        return new ProtectionEntry(
                e.entryId(),
                e.versionTag(),
                placeId != null ? placeId : e.placeId(),
                name != null ? name : e.name(),
                e.listKind(),
                batch != null ? batch : e.batch(),
                criteria != null ? criteria : e.criteria(),
                nameAgeYears != null ? nameAgeYears : e.nameAgeYears(),
                status != null ? status : e.status(),
                measures != null ? measures : e.measures(),
                commentFrom != null ? commentFrom : e.commentFrom(),
                commentTo != null ? commentTo : e.commentTo(),
                publishedOn != null ? publishedOn : e.publishedOn(),
                e.source());
    }
}
