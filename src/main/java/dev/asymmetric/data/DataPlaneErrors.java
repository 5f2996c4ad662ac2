package dev.asymmetric.data;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wording of every data-plane failure, in one place; all are CLONE_START_FAILED naming the step. */
final class DataPlaneErrors {
    private DataPlaneErrors() {
    }

    static AsymException step(String step, SQLException e) {
        return new AsymException(ErrorCode.CLONE_START_FAILED, step + " failed: " + firstLine(e)
                + ". Fix the template's SQL (or the shared Postgres), then reset the clone.",
                Map.of("step", step), e);
    }

    static AsymException statement(String kind, String file, int line, SqlPiece piece, SQLException e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("step", kind + " " + file);
        d.put("file", file);
        d.put("line", line);
        d.put("statement", piece.excerpt());
        return new AsymException(ErrorCode.CLONE_START_FAILED, kind + " " + file + " failed at line " + line + ": "
                + firstLine(e) + " (in: " + piece.excerpt() + "). Fix the template's SQL, then reset the clone.", d, e);
    }

    static AsymException unreadable(String file, String charset) {
        return new AsymException(ErrorCode.CLONE_START_FAILED, "reading " + file + " failed: it is not valid "
                + charset + " text. Save it in the encoding its SET client_encoding names (or UTF-8), then reset"
                + " the clone.", Map.of("file", file), null);
    }

    static AsymException ownedElsewhere(String what, String name, String otherHome) {
        return new AsymException(ErrorCode.CLONE_START_FAILED, "The " + what + " '" + name + "' on the shared "
                + (what.contains("Redis") ? "Redis" : "Postgres") + " belongs to another asymmetric home ("
                + otherHome + "); nothing was changed. Destroy that clone from its own home, or spin a new clone"
                + " here: asymmetric spin <template>", Map.of(what.contains("Redis") ? "prefix" : "database", name,
                "ownerHome", otherHome), null);
    }

    static AsymException redis(String step, RuntimeException e) {
        return new AsymException(ErrorCode.CLONE_START_FAILED, step + " failed: " + e.getMessage()
                + ". Check the shared Redis (asymmetric doctor), then reset the clone.", Map.of("step", step), e);
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
    }
}
