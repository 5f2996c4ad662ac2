package dev.asymmetric.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @RegisterExtension} with the builder and {@code Reset.NEVER}: state carries over until env.reset(). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuilderIT {
    @RegisterExtension
    static AsymmetricExtension asym = AsymmetricExtension.spec("src/test/specs/ledger.yaml").reset(Reset.NEVER).build();

    static int entries(Clone ledger) throws SQLException {
        try (Connection db = DriverManager.getConnection(ledger.jdbcUrl());
                ResultSet r = db.createStatement().executeQuery("SELECT count(*) FROM entries")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    @Order(1)
    void aTestLeavesAnEntry(Clone ledger) throws SQLException {
        assertEquals(2, entries(ledger));
        try (Connection db = DriverManager.getConnection(ledger.jdbcUrl())) {
            db.createStatement().executeUpdate("INSERT INTO entries (what, amount) VALUES ('kept', 1)");
        }
    }

    @Test
    @Order(2)
    void theNextSeesItWithoutAReset(Clone ledger) throws SQLException {
        assertEquals(3, entries(ledger), "Reset.NEVER: nothing reset between tests");
    }

    @Test
    @Order(3)
    void anExplicitResetBringsBackTheSeed(Environment env) throws SQLException {
        Environment after = env.reset();
        assertEquals(env.member(0).id(), after.member(0).id(), "the same clone, reset in place");
        assertEquals(2, entries(after.member(0)));
    }
}
