package cn.mingjie.gazetteer;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The fields of a place version as an editor or an import gives them (the census form). {@code
 * status} is "standard" for an approved standard name (meaning, origin and description then
 * required) or "recorded" for a name registered from a source.
 */
public record PlaceDraft(
        String properName,
        String genericName,
        String romanization,
        String shortName,
        List<String> aliases,
        String categoryCode,
        String divisionCode,
        String meaning,
        String origin,
        String description,
        LocalDate namingDate,
        Integer establishedYear,
        Integer abolishedYear,
        String sources,
        String positionMethod,
        Geometry geometry,
        String status) {

    public String name() {
        return (properName == null ? "" : properName) + (genericName == null ? "" : genericName);
    }

    /** The draft of an existing version, for edits that change a few fields. */
    public static PlaceDraft of(PlaceVersion v) {
        return new PlaceDraft(
                v.properName(),
                v.genericName(),
                v.romanization(),
                v.shortName(),
                v.aliases(),
                v.categoryCode(),
                v.divisionCode(),
                v.meaning(),
                v.origin(),
                v.description(),
                v.namingDate(),
                v.establishedYear(),
                v.abolishedYear(),
                v.sources(),
                v.positionMethod(),
                v.geometry(),
                v.status());
    }

    /** The draft under another name; its romanization is left to be generated for the new name. */
    public PlaceDraft withName(String newProperName, String newGenericName) {
        return new PlaceDraft(
                newProperName,
                newGenericName,
                null,
                shortName,
                aliases,
                categoryCode,
                divisionCode,
                meaning,
                origin,
                description,
                namingDate,
                establishedYear,
                abolishedYear,
                sources,
                positionMethod,
                geometry,
                status);
    }

    public PlaceDraft withStatusAndNotes(String newStatus, String newMeaning, String newOrigin, String newDescription) {
        return new PlaceDraft(
                properName,
                genericName,
                romanization,
                shortName,
                aliases,
                categoryCode,
                divisionCode,
                newMeaning,
                newOrigin,
                newDescription,
                namingDate,
                establishedYear,
                abolishedYear,
                sources,
                positionMethod,
                geometry,
                newStatus);
    }
}
