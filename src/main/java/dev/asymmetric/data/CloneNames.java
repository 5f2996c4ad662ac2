package dev.asymmetric.data;

import java.nio.charset.StandardCharsets;

/**
 * The databases one clone may have on the shared Postgres: its own ({@code clone_<id>}), the ready copy swapped in
 * at the next reset ({@code asym_spare_<id>}) and the one swapped out, dropped afterwards ({@code asym_old_<id>}).
 * Hyphens become underscores. Postgres cuts names at 63 bytes, so a longer one is refused rather than cut.
 */
record CloneNames(String database, String spare, String old) {
    private static final int MAX = 63;

    static CloneNames of(String cloneId) {
        if (cloneId == null || !cloneId.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("clone id must be [a-z0-9-]: " + cloneId);
        }
        String id = cloneId.replace('-', '_');
        CloneNames n = new CloneNames(DataPlaneInfo.databaseName(cloneId), "asym_spare_" + id, "asym_old_" + id);
        if (n.spare().getBytes(StandardCharsets.UTF_8).length > MAX) {
            throw new IllegalArgumentException("clone id too long for a database name: " + cloneId);
        }
        return n;
    }
}
