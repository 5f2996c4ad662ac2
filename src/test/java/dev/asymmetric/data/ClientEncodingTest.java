package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientEncodingTest {

    @Test
    void aFileIsDecodedByTheEncodingItsDumpHeaderNames() {
        byte[] latin1 = "SET client_encoding = 'LATIN1';\nINSERT INTO t VALUES ('café');\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(StandardCharsets.ISO_8859_1, ClientEncoding.of(latin1));
        assertTrue(Databases.Script.of("dump.sql", latin1).sql().contains("'café'"));
        byte[] win = "SET client_encoding TO 'WIN1252';\nSELECT '€';".getBytes(Charset.forName("windows-1252"));
        assertTrue(Databases.Script.of("w.sql", win).sql().contains("'€'"));
    }

    @Test
    void sqlAsciiUtf8AndUndeclaredFilesReadAsUtf8() {
        assertEquals(StandardCharsets.UTF_8, ClientEncoding.of("SET client_encoding = 'SQL_ASCII';".getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, ClientEncoding.of("SET client_encoding = 'UTF8';".getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, ClientEncoding.of("CREATE TABLE t (x text);".getBytes(StandardCharsets.UTF_8)));
        assertEquals("SELECT 'ü'", Databases.Script.of("bom.sql", "\uFEFFSELECT 'ü'".getBytes(StandardCharsets.UTF_8)).sql());
    }

    @Test
    void bytesThatAreNotTheDeclaredEncodingAreANamedErrorNamingTheFile() {
        byte[] bad = {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''};
        AsymException e = assertThrows(AsymException.class, () -> Databases.Script.of("db/001.sql", bad));
        assertEquals(ErrorCode.CLONE_START_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("reading db/001.sql failed: it is not valid UTF-8 text"), e.getMessage());
    }

    @Test
    void encodingStatementsAreRecognisedAndOthersAreNot() {
        assertTrue(ClientEncoding.isSetting("SET client_encoding = 'SQL_ASCII'"));
        assertTrue(ClientEncoding.isSetting("set session client_encoding to 'LATIN1'"));
        assertTrue(ClientEncoding.isSetting("SET NAMES 'UTF8'"));
        assertFalse(ClientEncoding.isSetting("SET client_min_messages = warning"));
        assertFalse(ClientEncoding.isSetting("SELECT pg_catalog.set_config('search_path', '', false)"));
    }
}
