package cn.mingjie.geocore.edit;

/**
 * Optimistic concurrency: the client edited a version that someone else has changed since. The
 * current version tag lets the client fetch the other change instead of overwriting it.
 */
public class VersionConflictException extends DomainException {

    private final String currentVersion;

    public VersionConflictException(String what, String id, String expected, String currentVersion) {
        super("error.version-conflict", what, id, expected, currentVersion);
        this.currentVersion = currentVersion;
    }

    public String currentVersion() {
        return currentVersion;
    }
}
