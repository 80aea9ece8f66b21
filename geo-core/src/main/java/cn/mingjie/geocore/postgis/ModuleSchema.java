package cn.mingjie.geocore.postgis;

/**
 * A module's own database schema and the Flyway migrations that build it. Each module keeps its
 * migrations under {@code db/migration/<schema>} and its own history table inside its schema, so
 * modules evolve independently; {@code order} runs lower layers (geo-core) first.
 */
public record ModuleSchema(String schema, int order) {

    public ModuleSchema {
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier: " + schema);
        }
    }

    public String location() {
        return "classpath:db/migration/" + schema;
    }
}
