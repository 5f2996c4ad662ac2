package dev.asymmetric.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding an SQL file says it is in. pg_dump writes {@code SET client_encoding = '<the database's
 * encoding>'} and the bytes in it; the file is decoded by that (a {@code SQL_ASCII} dump, bytes unchecked by
 * the server, is read as UTF-8) and the statement itself is skipped: the driver's connection stays UTF-8, which
 * pgjdbc requires (it closes a connection whose client_encoding changes).
 */
final class ClientEncoding {
    private static final Pattern DECLARED = Pattern.compile(
            "(?im)^[ \\t]*SET[ \\t]+client_encoding[ \\t]*(?:=|TO)[ \\t]*'([A-Za-z0-9_-]+)'");
    private static final Pattern STATEMENT = Pattern.compile(
            "(?is)^SET\\s+((SESSION|LOCAL)\\s+)?(client_encoding|NAMES)\\b.*");
    private static final int HEAD = 64 * 1024;
    private static final Map<String, String> JAVA_NAMES = javaNames();

    private ClientEncoding() {
    }

    /** The Java charset for a file's bytes: its first {@code SET client_encoding}, else UTF-8. */
    static Charset of(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String java = JAVA_NAMES.get(m.group(1).toUpperCase(Locale.ROOT).replace("-", "_"));
        return java != null && Charset.isSupported(java) ? Charset.forName(java) : StandardCharsets.UTF_8;
    }

    /** Postgres's server encodings (encnames.c) as Java names; SQL_ASCII reads as UTF-8. */
    private static Map<String, String> javaNames() {
        Map<String, String> m = new HashMap<>(Map.of("SQL_ASCII", "UTF-8", "UTF8", "UTF-8", "UNICODE", "UTF-8",
                "KOI8R", "KOI8-R", "KOI8U", "KOI8-U", "WIN866", "IBM866", "WIN874", "x-windows-874",
                "EUC_CN", "GB2312", "EUC_TW", "x-EUC-TW", "SJIS", "Shift_JIS"));
        m.putAll(Map.of("EUC_JP", "EUC-JP", "EUC_KR", "EUC-KR", "BIG5", "Big5", "GBK", "GBK", "UHC", "x-windows-949",
                "GB18030", "GB18030", "JOHAB", "x-Johab"));
        int[] latin = {1, 2, 3, 4, 9, 10, 13, 14, 15, 16};
        for (int i = 0; i < latin.length; i++) {
            m.put("LATIN" + (i + 1), "ISO-8859-" + latin[i]);
        }
        for (int i = 5; i <= 8; i++) {
            m.put("ISO_8859_" + i, "ISO-8859-" + i);
        }
        for (int i = 1250; i <= 1258; i++) {
            m.put("WIN" + i, "windows-" + i);
        }
        return Map.copyOf(m);
    }

    static String decode(String file, byte[] bytes) {
        Charset cs = of(bytes);
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw DataPlaneErrors.unreadable(file, cs.name());
        }
    }

    /** Whether a statement changes the connection's encoding ({@code SET client_encoding}, {@code SET NAMES}). */
    static boolean isSetting(String sql) {
        return STATEMENT.matcher(sql).matches();
    }
}
