package com.example.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asymmetric.junit.AsymmetricEnvironment;
import dev.asymmetric.junit.Clone;
import dev.asymmetric.junit.Member;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Each test books entries into the ledger clone's database; each starts from the seed's two entries, because the
 * extension resets the environment before each test (Reset.EACH_TEST, the default).
 */
@AsymmetricEnvironment(spec = "specs/demo.yaml")
class LedgerIT {
    static int entries(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM entries")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aPaymentIsBooked(dev.asymmetric.junit.Environment env, @Member(template = "ledger") Clone ledger)
            throws SQLException {
        org.junit.jupiter.api.Assertions.assertTrue(env.name().startsWith("demo-" + System.getProperty("asymmetric.fork")),
                "named after the spec and this fork: " + env.name());
        try (Connection db = DriverManager.getConnection(ledger.jdbcUrl())) {
            assertEquals(2, entries(db), "the seed's two entries, and nothing an earlier test booked");
            db.createStatement().executeUpdate("INSERT INTO entries (what, amount) VALUES ('payment', -42.00)");
            assertEquals(3, entries(db));
        }
    }

    @RepeatedTest(3)
    void theOpeningBalanceIsDeletedAndComesBack(@Member(1) Clone ledger) throws SQLException {
        try (Connection db = DriverManager.getConnection(ledger.jdbcUrl())) {
            assertEquals(2, entries(db));
            db.createStatement().executeUpdate("DELETE FROM entries WHERE what = 'opening balance'");
            assertEquals(1, entries(db));
        }
    }
}
