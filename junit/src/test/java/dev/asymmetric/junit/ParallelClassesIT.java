package dev.asymmetric.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two test classes of one JVM running at the same time against one spec (JUnit's concurrent class mode): each gets
 * an environment of its own, and each test of each starts from the seed.
 */
class ParallelClassesIT {
    static final Map<String, String> NAMES = new ConcurrentHashMap<>();
    /** Both classes are inside their tests at once: the classes really overlap. */
    static final CountDownLatch BOTH_IN = new CountDownLatch(2);

    static void bookAndCheck(Clone ledger, String who) throws Exception {
        try (Connection db = DriverManager.getConnection(ledger.jdbcUrl())) {
            try (ResultSet r = db.createStatement().executeQuery("SELECT count(*) FROM entries")) {
                r.next();
                assertEquals(2, r.getInt(1), who + ": the seed's two entries");
            }
            db.createStatement().executeUpdate("INSERT INTO entries (what, amount) VALUES ('" + who + "', 1)");
        }
    }

    @AsymmetricEnvironment(spec = "src/test/specs/ledger.yaml")
    static class First {
        @RepeatedTest(2)
        void books(Environment env, Clone ledger) throws Exception {
            NAMES.put("first", env.name());
            BOTH_IN.countDown();
            BOTH_IN.await(2, TimeUnit.MINUTES);
            bookAndCheck(ledger, "first");
        }
    }

    @AsymmetricEnvironment(spec = "src/test/specs/ledger.yaml")
    static class Second {
        @RepeatedTest(2)
        void books(Environment env, Clone ledger) throws Exception {
            NAMES.put("second", env.name());
            BOTH_IN.countDown();
            BOTH_IN.await(2, TimeUnit.MINUTES);
            bookAndCheck(ledger, "second");
        }
    }

    @Test
    void concurrentClassesGetEnvironmentsOfTheirOwn() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(First.class), selectClass(Second.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        assertNotEquals(NAMES.get("first"), NAMES.get("second"), "two environments: " + NAMES);
    }
}
