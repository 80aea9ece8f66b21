package cn.mingjie.gazetteer.photo;

/** What a photo documents: a sign ({@code SIGN}) or a protection-list entry ({@code ENTRY}), by id. */
public record PhotoOwner(Kind kind, long id) {

    public enum Kind {
        SIGN("sign", "sign_id"),
        ENTRY("protection-entry", "entry_id");

        /** The audit entity type of the owner, where photo uploads and removals are recorded. */
        final String entityType;

        final String column;

        Kind(String entityType, String column) {
            this.entityType = entityType;
            this.column = column;
        }
    }

    public static PhotoOwner sign(long signId) {
        return new PhotoOwner(Kind.SIGN, signId);
    }

    public static PhotoOwner entry(long entryId) {
        return new PhotoOwner(Kind.ENTRY, entryId);
    }
}
