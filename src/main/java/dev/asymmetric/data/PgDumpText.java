package dev.asymmetric.data;

import java.util.List;
import java.util.regex.Pattern;

/**
 * pg_dump's plain output as a template migration ({@code asymmetric snapshot}). Raw output of
 * {@code pg_dump --no-owner [--no-privileges]} is already accepted as a migration as it is ({@link SqlSplitter},
 * {@link ScriptRunner}); this only makes it reproducible, so the same database always snapshots to the same text
 * (and the same pristine key): it drops the {@code &#92;restrict}/{@code &#92;unrestrict} lines, whose key is random per
 * run, and the {@code -- Dumped from/by ... version} comments. COPY data is left as it is.
 */
public final class PgDumpText {
    /** What the snapshot verb passes to pg_dump, before the database name. */
    public static final List<String> PG_DUMP_OPTIONS = List.of("--no-owner", "--no-privileges");
    private static final Pattern RESTRICT = Pattern.compile("\\\\(un)?restrict( \\S*)?\\r?");
    private static final Pattern VERSION = Pattern.compile("-- Dumped (from database|by pg_dump) version .*");
    private static final Pattern COPY = Pattern.compile("(?i)COPY .* FROM stdin;\\r?");

    private PgDumpText() {
    }

    public static String forMigration(String dump) {
        StringBuilder out = new StringBuilder(dump.length());
        boolean inCopy = false;
        for (String line : dump.split("\n", -1)) {
            if (inCopy) {
                inCopy = !line.equals("\\.") && !line.equals("\\.\r");
            } else if (RESTRICT.matcher(line).matches() || VERSION.matcher(line).matches()) {
                continue;
            } else {
                inCopy = COPY.matcher(line).matches();
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
