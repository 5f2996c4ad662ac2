package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<String> sqls(String text) {
        return SqlSplitter.split(text).stream().map(SqlPiece::sql).toList();
    }

    @Test
    void statementsEndAtSemicolonsAndKnowTheLineTheyStartOn() {
        List<SqlPiece> p = SqlSplitter.split("CREATE TABLE a (id int);\n\n  INSERT INTO a VALUES (1);\nSELECT 1");
        assertEquals(List.of("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)", "SELECT 1"),
                p.stream().map(SqlPiece::sql).toList());
        assertEquals(List.of(1, 3, 4), p.stream().map(SqlPiece::line).toList());
    }

    @Test
    void semicolonsInQuotesIdentifiersAndCommentsDoNotEndAStatement() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s;')", "SELECT 1 AS \"x;y\"",
                "SELECT 2 -- not; the end\n", "SELECT /* a /* nested; */ still; */ 3"),
                sqls("INSERT INTO t VALUES ('a;b', 'it''s;');SELECT 1 AS \"x;y\";SELECT 2 -- not; the end\n;"
                        + "SELECT /* a /* nested; */ still; */ 3;"));
    }

    @Test
    void escapeStringsTakeBackslashQuotesAndPlainStringsDoNot() {
        assertEquals(List.of("SELECT E'it\\'s; fine'", "SELECT 'back\\'", "SELECT 2"),
                sqls("SELECT E'it\\'s; fine'; SELECT 'back\\'; SELECT 2;"));
    }

    @Test
    void standardConformingStringsOffMakesBackslashAnEscapeInPlainStrings() {
        assertEquals(List.of("SET standard_conforming_strings = off", "SELECT 'it\\'s; one'", "SELECT 2"),
                sqls("SET standard_conforming_strings = off;\nSELECT 'it\\'s; one';\nSELECT 2;"));
    }

    @Test
    void dollarQuotedBodiesWithTagsStayWhole() {
        String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  PERFORM 1; RETURN $$x;$$::int;\nEND;\n$body$";
        assertEquals(List.of(fn, "SELECT $1"), sqls(fn + ";\nSELECT $1;"));
    }

    @Test
    void sqlStandardFunctionBodiesKeepTheirSemicolonsLikePsqlDoes() {
        String fn = "CREATE OR REPLACE FUNCTION g(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n  SELECT x;\nEND";
        List<SqlPiece> p = SqlSplitter.split(fn + ";\nBEGIN;\nSELECT 1;\nCOMMIT;");
        assertEquals(List.of(fn, "BEGIN", "SELECT 1", "COMMIT"), p.stream().map(SqlPiece::sql).toList());
        assertEquals(List.of(1, 6, 7, 8), p.stream().map(SqlPiece::line).toList());
    }

    @Test
    void psqlMetaCommandLinesBetweenStatementsAreSkipped() {
        List<SqlPiece> p = SqlSplitter.split("--\n\\restrict abc123\n\nSET x = 1;\n\\connect other\nSELECT 1;\n\\unrestrict abc123\n");
        assertEquals(List.of("SET x = 1", "SELECT 1"), p.stream().map(SqlPiece::sql).toList());
        assertEquals(List.of(4, 6), p.stream().map(SqlPiece::line).toList());
    }

    @Test
    void copyFromStdinTakesTheFollowingLinesUpToBackslashDotAsData() {
        String text = "COPY public.t (id, s) FROM stdin;\n1\ta;b\n2\t\\N\n\\.\n\n\nSELECT pg_catalog.setval('s', 2, true);\n";
        List<SqlPiece> p = SqlSplitter.split(text);
        assertEquals(2, p.size());
        assertEquals("COPY public.t (id, s) FROM stdin", p.get(0).sql());
        assertEquals("1\ta;b\n2\t\\N\n", p.get(0).copyData());
        assertEquals("SELECT pg_catalog.setval('s', 2, true)", p.get(1).sql());
        assertNull(p.get(1).copyData());
        assertEquals(7, p.get(1).line());
    }

    @Test
    void anEmptyCopyBlockHasEmptyData() {
        List<SqlPiece> p = SqlSplitter.split("copy t from STDIN;\n\\.\nselect 1;");
        assertEquals("", p.get(0).copyData());
        assertEquals(3, p.get(1).line());
    }

    @Test
    void copyToStdoutIsAnOrdinaryStatement() {
        assertNull(SqlSplitter.split("COPY t TO stdout;").get(0).copyData());
    }

    @Test
    void commentsAndBlankTextYieldNoStatements() {
        assertEquals(List.of(), sqls("-- only a comment\n/* and\n another */\n\n-- at the end without newline"));
        assertEquals(List.of(), sqls(";;\n ; "));
    }

    @Test
    void windowsLineEndsCountLinesAndEndCopyData() {
        List<SqlPiece> p = SqlSplitter.split("SELECT 1;\r\nCOPY t FROM stdin;\r\n1\r\n\\.\r\nSELECT 2;\r\n");
        assertEquals("1\r\n", p.get(1).copyData());
        assertEquals(List.of(1, 2, 5), p.stream().map(SqlPiece::line).toList());
    }

    @Test
    void anExcerptIsTheFirstEightyCharactersOnOneLine() {
        SqlPiece p = new SqlPiece("CREATE TABLE t (\n    id int,\n" + "    x text".repeat(20) + ")", 3, null);
        assertEquals(81, p.excerpt().length());
        assertEquals("CREATE TABLE t ( id int, x text x text", p.excerpt().substring(0, 38));
    }

    @Test
    void aPositionInsideAStatementMapsToItsFileLine() {
        SqlPiece p = new SqlPiece("CREATE TABLE t (\n  id int,\n  x nosuchtype\n)", 10, null);
        assertEquals(10, p.lineAt(1));
        assertEquals(12, p.lineAt(p.sql().indexOf("nosuchtype") + 1));
    }
}
