package com.example.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.junit.AsymmetricEnvironment;
import dev.asymmetric.junit.Clone;
import dev.asymmetric.junit.Environment;
import dev.asymmetric.junit.Member;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Each test writes a record to the fixture API and an entry to the ledger; each starts from the seeds (Acme
 * Corp's records, no marker of another test; two ledger entries). Runs in its own fork, beside LedgerIT.
 */
@AsymmetricEnvironment(spec = "specs/demo.yaml")
class RecordsIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @RepeatedTest(3)
    void aRecordIsAddedToTheSeed(Environment env, @Member(template = "fixture") Clone api, RepetitionInfo run)
            throws Exception {
        assertTrue(env.name().startsWith("demo-" + System.getProperty("asymmetric.fork")),
                "named after the spec and this fork: " + env.name());
        URI records = api.endpoint("api").resolve("/cgi-bin/records");
        String before = get(records);
        assertTrue(before.contains("Acme"), "the acme-corp seed: " + before);
        assertFalse(before.contains("marker"), "no record of an earlier test: " + before);

        String marker = "{\"marker\":" + run.getCurrentRepetition() + "}";
        int status = HTTP.send(HttpRequest.newBuilder(records).POST(HttpRequest.BodyPublishers.ofString(marker)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertEquals(201, status);
        assertTrue(get(records).contains(marker));

        try (Connection db = DriverManager.getConnection(env.member("ledger").jdbcUrl())) {
            assertEquals(2, LedgerIT.entries(db));
            db.createStatement().executeUpdate("INSERT INTO entries (what, amount) VALUES ('record', 1.00)");
        }
    }
}
