package dev.asymmetric.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postgresql.core.Parser;

/**
 * Splits an SQL file the way psql reads it: statements end at a semicolon outside quotes, dollar quotes, comments,
 * parentheses and the {@code BEGIN ... END} body of a {@code CREATE FUNCTION/PROCEDURE} (psql's own heuristic);
 * a backslash line between statements is a psql meta-command and skipped ({@code \restrict}, {@code \connect});
 * a {@code COPY ... FROM stdin} statement takes the lines after it up to {@code \.} as its data. Quotes and
 * comments are lexed by pgjdbc's {@link Parser}, so E'' strings and nested comments read as the driver reads them.
 */
final class SqlSplitter {
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^COPY\\b.*\\bFROM\\s+STDIN\\b.*");
    private static final Pattern CONFORMING = Pattern.compile(
            "(?is)^SET\\s+(SESSION\\s+)?standard_conforming_strings\\s*(=|TO)\\s*'?(on|off|true|false)'?\\s*");

    private final char[] q;
    private final List<SqlPiece> out = new ArrayList<>();
    private boolean conformingStrings = true;
    private int line = 1;
    private int start = -1;
    private int startLine;
    private final List<String> words = new ArrayList<>();
    private int parens;
    private int blocks;

    private SqlSplitter(String text) {
        this.q = text.toCharArray();
    }

    static List<SqlPiece> split(String text) {
        SqlSplitter s = new SqlSplitter(text);
        s.run();
        return s.out;
    }

    private void run() {
        int i = 0;
        while (i < q.length) {
            if (start < 0) {
                i = between(i);
            } else {
                i = inside(i);
            }
        }
        if (start >= 0) {
            emit(q.length);
        }
    }

    /** Before a statement: whitespace, empty statements, comments and meta-command lines are skipped. */
    private int between(int i) {
        char c = q[i];
        if (Character.isWhitespace(c) || c == ';') {
            return advance(i, i);
        }
        if (c == '\\') {
            return advance(i, endOfLine(i) - 1);
        }
        if (c == '-' && Parser.parseLineComment(q, i) != i) {
            int end = Parser.parseLineComment(q, i);
            return advance(i, q[end] == '\n' || q[end] == '\r' ? end - 1 : end);
        }
        if (c == '/' && Parser.parseBlockComment(q, i) != i) {
            return advance(i, Parser.parseBlockComment(q, i));
        }
        start = i;
        startLine = line;
        words.clear();
        parens = 0;
        blocks = 0;
        return i;
    }

    private int inside(int i) {
        char c = q[i];
        int end = switch (c) {
            case '\'' -> Parser.parseSingleQuotes(q, i, conformingStrings);
            case '"' -> Parser.parseDoubleQuotes(q, i);
            case '$' -> Parser.parseDollarQuotes(q, i);
            case '-' -> Parser.parseLineComment(q, i);
            case '/' -> Parser.parseBlockComment(q, i);
            default -> i;
        };
        if (end != i) {
            return advance(i, Math.min(end, q.length - 1));
        }
        if (c == '(') {
            parens++;
        } else if (c == ')') {
            parens--;
        } else if (c == ';' && parens <= 0 && blocks == 0) {
            return emit(i);
        } else if (Parser.isIdentifierStartChar(c) && c != '$' && (i == 0 || !Parser.isIdentifierContChar(q[i - 1]))) {
            int e = i;
            while (e + 1 < q.length && Parser.isIdentifierContChar(q[e + 1])) {
                e++;
            }
            word(new String(q, i, e - i + 1).toLowerCase(Locale.ROOT));
            return e + 1;
        }
        return advance(i, i);
    }

    /** psql's heuristic: inside CREATE [OR REPLACE] FUNCTION/PROCEDURE, BEGIN (and CASE within it) nest to END. */
    private void word(String w) {
        if (words.size() < 4) {
            words.add(w);
        }
        if (parens > 0 || !routine()) {
            return;
        }
        if (w.equals("begin") || (w.equals("case") && blocks > 0)) {
            blocks++;
        } else if (w.equals("end") && blocks > 0) {
            blocks--;
        }
    }

    private boolean routine() {
        if (words.size() < 2 || !words.get(0).equals("create")) {
            return false;
        }
        String second = words.get(1);
        if (second.equals("function") || second.equals("procedure")) {
            return true;
        }
        return second.equals("or") && words.size() >= 4 && words.get(2).equals("replace")
                && (words.get(3).equals("function") || words.get(3).equals("procedure"));
    }

    /** Ends the statement at {@code semicolon} (or the end of text); a COPY FROM stdin takes its data lines. */
    private int emit(int semicolon) {
        String sql = new String(q, start, semicolon - start);
        start = -1;
        if (CONFORMING.matcher(sql).matches()) {
            String v = CONFORMING.matcher(sql).replaceFirst("$3").toLowerCase(Locale.ROOT);
            conformingStrings = v.equals("on") || v.equals("true");
        }
        if (!COPY_FROM_STDIN.matcher(sql).matches()) {
            out.add(new SqlPiece(sql, startLine, null));
            return semicolon + 1;
        }
        int dataStart = Math.min(endOfLine(semicolon) + 1, q.length);
        StringBuilder data = new StringBuilder();
        int i = dataStart;
        while (i < q.length) {
            int eol = endOfLine(i);
            String l = new String(q, i, eol - i);
            i = Math.min(eol + 1, q.length);
            if (l.equals("\\.") || l.equals("\\.\r")) {
                break;
            }
            data.append(l).append('\n');
        }
        line += count(semicolon, i);
        out.add(new SqlPiece(sql, startLine, data.toString()));
        return i;
    }

    /** Moves past {@code q[from..to]}, counting the lines it spans. */
    private int advance(int from, int to) {
        line += count(from, to + 1);
        return to + 1;
    }

    private int count(int from, int toExclusive) {
        int n = 0;
        for (int i = from; i < toExclusive && i < q.length; i++) {
            if (q[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The index of the newline ending the line at {@code i}, or the text's length. */
    private int endOfLine(int i) {
        while (i < q.length && q[i] != '\n') {
            i++;
        }
        return i;
    }
}
