package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PgDumpTextTest {

    @Test
    void randomRestrictKeysAndVersionLinesAreDroppedAndEverythingElseKept() {
        String dump = "--\n-- PostgreSQL database dump\n--\n\n\\restrict lF6dZl1bQ8ft8\n\n"
                + "-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n"
                + "-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n\nSET client_encoding = 'UTF8';\n"
                + "CREATE TABLE public.t (s text);\n\\unrestrict lF6dZl1bQ8ft8\n";
        assertEquals("--\n-- PostgreSQL database dump\n--\n\n\n\nSET client_encoding = 'UTF8';\n"
                + "CREATE TABLE public.t (s text);\n", PgDumpText.forMigration(dump));
    }

    @Test
    void copyDataThatLooksLikeAMetaCommandIsData() {
        String dump = "COPY public.t (s) FROM stdin;\n\\restrict abc\n-- Dumped by pg_dump version 1\n\\.\n\\restrict abc\n";
        assertEquals("COPY public.t (s) FROM stdin;\n\\restrict abc\n-- Dumped by pg_dump version 1\n\\.\n",
                PgDumpText.forMigration(dump));
    }

    @Test
    void theSnapshotGivesPgDumpNoOwnerAndNoPrivileges() {
        assertEquals(java.util.List.of("--no-owner", "--no-privileges"), PgDumpText.PG_DUMP_OPTIONS);
    }
}
