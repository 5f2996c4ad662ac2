package dev.asymmetric.data;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one SQL file the way psql would, on a connection of its own (so a {@code SET search_path} or
 * {@code set_config(...)} in one file never reaches the next): statement by statement in autocommit, COPY data
 * through pgjdbc's CopyManager, encoding settings skipped ({@link ClientEncoding}). A failing statement is reported
 * with the file, its line and its first 80 characters.
 */
final class ScriptRunner {
    private static final Pattern COPY_ROW = Pattern.compile("COPY [^,]+, line (\\d+)");
    private ScriptRunner() {
    }

    /** {@code kind} is how the error names the file: {@code migration} or {@code seed}. */
    static void run(Postgres pg, String database, String kind, Databases.Script script) {
        try (Connection c = pg.connect(database)) {
            for (SqlPiece p : SqlSplitter.split(script.sql())) {
                execute(c, kind, script.name(), p);
            }
        } catch (SQLException e) {
            throw DataPlaneErrors.step("connecting to " + database + " for " + kind + " " + script.name(), e);
        }
    }

    private static void execute(Connection c, String kind, String file, SqlPiece p) {
        if (ClientEncoding.isSetting(p.sql())) {
            return;
        }
        try {
            if (p.copyData() != null) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(p.sql(), new StringReader(p.copyData()));
                return;
            }
            try (Statement s = c.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(p.sql());
            }
        } catch (SQLException e) {
            throw DataPlaneErrors.statement(kind, file, line(p, e), p, e);
        } catch (IOException e) {
            throw DataPlaneErrors.statement(kind, file, p.line(), p, new SQLException(e.getMessage(), e));
        }
    }

    /** The line of the error's position within the statement, or of the COPY data row, when the server says. */
    private static int line(SqlPiece p, SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        if (m == null) {
            return p.line();
        }
        Matcher row = COPY_ROW.matcher(String.valueOf(m.getWhere()));
        if (p.copyData() != null && row.find()) {
            return p.lineAt(p.sql().length() + 1) + Integer.parseInt(row.group(1));
        }
        return m.getPosition() <= 0 ? p.line() : p.lineAt(m.getPosition());
    }
}
