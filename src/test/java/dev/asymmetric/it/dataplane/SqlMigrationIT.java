package dev.asymmetric.it.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.data.CloneData;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.Databases.Script;
import dev.asymmetric.data.PgDumpText;
import dev.asymmetric.data.Restore;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrations and seeds as users write them, and as pg_dump writes them, against a Postgres of the test's own. */
class SqlMigrationIT {
    private static final String HOME = "5a1e00000001";
    private static OwnServers servers;
    private static Databases dbs;

    @BeforeAll
    static void start() {
        servers = OwnServers.postgresOnly();
        dbs = servers.databases();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static CloneData clone(String id, String key, List<Script> migrations, List<Script> seed) {
        return new CloneData(HOME, id, key, migrations, seed);
    }

    /** Tables, a $$ function, an SQL-standard body, a trigger, a view, and rows with quotes, tabs and newlines. */
    static final List<Script> APP = List.of(
            new Script("db/001-schema.sql", """
                    CREATE TABLE notes (id serial PRIMARY KEY, title text NOT NULL, body text, tags text[]);
                    CREATE TABLE audit (id serial PRIMARY KEY, note int, at_len int);
                    CREATE FUNCTION note_len(t text) RETURNS int LANGUAGE plpgsql AS $$
                    BEGIN
                      RETURN length(t); -- a semicolon; in a comment
                    END;
                    $$;
                    CREATE FUNCTION audit_note() RETURNS trigger LANGUAGE plpgsql AS $fn$
                    BEGIN INSERT INTO audit (note, at_len) VALUES (NEW.id, note_len(NEW.title)); RETURN NEW; END;
                    $fn$;
                    CREATE TRIGGER notes_audit AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION audit_note();
                    CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql
                    BEGIN ATOMIC
                      SELECT CASE WHEN t IS NULL THEN NULL ELSE upper(t) || '!' END;
                    END;
                    """),
            new Script("db/002-view.sql", """
                    /* a view over both; /* nested */ comment */
                    CREATE VIEW loud AS SELECT id, shout(title) AS title FROM notes;
                    """));

    static final List<Script> SEED = List.of(new Script("db/seed.sql", """
            INSERT INTO notes (title, body, tags) VALUES
              ('Order anvils', E'line one\\nline two\\twith a tab', ARRAY['a;b', 'c''d']),
              ('It''s done; really', 'back\\slash stays', NULL),
              ('Ünïcödé ✓', NULL, '{}');
            """));

    @Test
    void twoFilesWhereTheFirstSetsSearchPathBothSucceed() throws Exception {
        List<Script> files = List.of(
                new Script("db/001.sql", "CREATE SCHEMA app;\nSET search_path = app;\nCREATE TABLE inside (x int);\n"
                        + "SELECT pg_catalog.set_config('search_path', '', false);\n"),
                new Script("db/002.sql", "CREATE TABLE outside (y int);\n"));
        assertEquals(Restore.CREATED, dbs.restore(clone("sp-1", "searchpath01", files, List.of())));
        assertEquals(List.of("app|inside", "public|outside"), servers.rows("clone_sp_1",
                "SELECT schemaname, tablename FROM pg_tables WHERE tablename IN ('inside', 'outside') ORDER BY 1"));
    }

    @Test
    void aRealPgDumpOfAMigratedDatabaseIsAcceptedAsAMigrationAndYieldsTheSameRows() throws Exception {
        assertEquals(Restore.CREATED, dbs.restore(clone("app-1", "appsource001", APP, SEED)));
        servers.execute("clone_app_1", "INSERT INTO notes (title) VALUES ('written after boot')");
        for (String[] options : List.of(new String[] {"--no-owner"}, new String[] {"--no-owner", "--no-privileges"})) {
            String dump = servers.pgDump("clone_app_1", options);
            assertTrue(dump.contains("COPY public.notes") && dump.contains("\\restrict"), "a real dump: " + dump);
            String id = "app-" + options.length + "0";
            String key = "appdump" + options.length;
            assertEquals(Restore.CREATED, dbs.restore(clone(id, key, List.of(new Script("db/000-dump.sql", dump)), List.of())));
            String copy = "clone_" + id.replace('-', '_');
            for (String q : List.of("SELECT id, title, body, tags FROM notes ORDER BY id", "SELECT * FROM audit ORDER BY id",
                    "SELECT * FROM loud ORDER BY id", "SELECT note_len('four'), shout('hey')")) {
                assertEquals(servers.rows("clone_app_1", q), servers.rows(copy, q), q);
            }
            // the sequence goes on where it was, and the trigger still fires
            servers.execute(copy, "INSERT INTO notes (title) VALUES ('next')");
            assertEquals(List.of("5|4"), servers.rows(copy,
                    "SELECT (SELECT max(id) FROM notes), (SELECT at_len FROM audit WHERE note = 5)"));
        }
    }

    @Test
    void snapshotTextIsStableAcrossDumpsAndStillAccepted() throws Exception {
        dbs.restore(clone("app-snap", "appsource001", APP, SEED));
        String first = PgDumpText.forMigration(servers.pgDump("clone_app_snap", PgDumpText.PG_DUMP_OPTIONS.toArray(String[]::new)));
        String second = PgDumpText.forMigration(servers.pgDump("clone_app_snap", PgDumpText.PG_DUMP_OPTIONS.toArray(String[]::new)));
        assertEquals(first, second, "no random \\restrict key or version line makes two snapshots differ");
        assertEquals(Restore.CREATED, dbs.restore(clone("app-snap2", "appsnap0001",
                List.of(Script.of("db/001-schema.sql", first.getBytes(StandardCharsets.UTF_8))), List.of())));
        assertEquals(servers.rows("clone_app_snap", "SELECT * FROM notes ORDER BY id"),
                servers.rows("clone_app_snap2", "SELECT * FROM notes ORDER BY id"));
    }

    @Test
    void aDumpThatDeclaresAnotherClientEncodingIsNotFatal() throws Exception {
        List<Script> m = List.of(new Script("db/001.sql", "SET client_encoding = 'SQL_ASCII';\nSET NAMES 'LATIN1';\n"
                + "CREATE TABLE t (x text);\nINSERT INTO t VALUES ('plain');\n"));
        dbs.restore(clone("enc-1", "encoding0001", m, List.of()));
        assertEquals(List.of("plain|UTF8"), servers.rows("clone_enc_1", "SELECT x, current_setting('client_encoding') FROM t"));
    }

    @Test
    void aFailingStatementNamesFileLineAndStatementAndLeavesNoHalfBuiltDatabase() throws Exception {
        List<Script> m = List.of(new Script("db/001-ok.sql", "CREATE TABLE a (id int);\n"),
                new Script("db/002-bad.sql", "-- tags\nCREATE TABLE tags (\n  id int,\n  label nosuchtype\n);\n"));
        AsymException e = assertThrows(AsymException.class, () -> dbs.restore(clone("bad-1", "failing0001", m, List.of())));
        assertEquals(ErrorCode.CLONE_START_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("migration db/002-bad.sql failed at line 4: ERROR: type \"nosuchtype\" does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(in: CREATE TABLE tags ( id int, label nosuchtype ))"), e.getMessage());
        assertEquals(4, e.details().get("line"));
        assertEquals("db/002-bad.sql", e.details().get("file"));
        List<String> names = servers.databaseNames();
        assertTrue(names.stream().noneMatch(n -> n.contains("failing0001")), "nothing of the failed build is left: " + names);
        assertTrue(names.stream().noneMatch(n -> n.endsWith("_building")), names.toString());
    }

    @Test
    void aBadCopyRowIsReportedAtItsLineInTheFile() {
        List<Script> m = List.of(new Script("db/001.sql", "CREATE TABLE t (n int);\nCOPY t (n) FROM stdin;\n1\n2\nthree\n\\.\n"));
        AsymException e = assertThrows(AsymException.class, () -> dbs.restore(clone("copy-1", "badcopy0001", m, List.of())));
        assertTrue(e.getMessage().startsWith("migration db/001.sql failed at line 5: ERROR: invalid input syntax for type integer"),
                e.getMessage());
    }

    @Test
    void aFailingSeedIsNamedAsTheSeed() {
        AsymException e = assertThrows(AsymException.class, () -> dbs.restore(clone("seed-1", "badseed0001", APP,
                List.of(new Script("db/seed-bad.sql", "INSERT INTO notes (title) VALUES (NULL);")))));
        assertTrue(e.getMessage().startsWith("seed db/seed-bad.sql failed at line 1: ERROR: null value in column \"title\""),
                e.getMessage());
    }
}
