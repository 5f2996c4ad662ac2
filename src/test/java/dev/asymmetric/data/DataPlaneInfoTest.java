package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.State;
import dev.asymmetric.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

class DataPlaneInfoTest {
    @TempDir
    Path home;

    private Store storeWithPostgresOn(Integer port) {
        Store s = new Store(home, new Codec(), Clock.systemUTC());
        SharedService pg = s.create(new SharedService(Metadata.fresh(SharedService.POSTGRES, null, null, Map.of()),
                new SharedService.Spec("postgres:16-alpine"), null));
        s.write(pg.withStatus(new SharedService.Status(State.of("running"), 1, port, "c0ffee", null)));
        return s;
    }

    @Test
    void statusShowsAJdbcUrlBesideThePostgresUrlAndKeepsTheDocumentedKeys() {
        Map<String, Object> db = new DataPlaneInfo(storeWithPostgresOn(32777)).database("notes-3f2a");
        assertEquals(List.of("name", "url", "jdbcUrl"), List.copyOf(db.keySet()));
        assertEquals("clone_notes_3f2a", db.get("name"));
        assertEquals("postgres://asymmetric:asymmetric@127.0.0.1:32777/clone_notes_3f2a", db.get("url"));
        assertEquals("jdbc:postgresql://127.0.0.1:32777/clone_notes_3f2a?user=asymmetric&password=asymmetric",
                db.get("jdbcUrl"));
    }

    @Test
    void urlsAreNullUntilTheSharedPostgresHasAPort() {
        Map<String, Object> db = new DataPlaneInfo(storeWithPostgresOn(null)).database("notes-3f2a");
        assertNull(db.get("url"));
        assertNull(db.get("jdbcUrl"));
    }

    @Test
    void theJdbcUrlCarriesEverythingTheDriverNeeds() {
        Properties p = Driver.parseURL(DataPlaneInfo.jdbcUrl("127.0.0.1", 32777, "notes-3f2a"), new Properties());
        assertEquals("127.0.0.1", p.getProperty("PGHOST"));
        assertEquals("32777", p.getProperty("PGPORT"));
        assertEquals("clone_notes_3f2a", p.getProperty("PGDBNAME"));
        assertEquals(Credentials.USER, p.getProperty("user"));
        assertEquals(Credentials.PASSWORD, p.getProperty("password"));
    }

    @Test
    void servicesGetInNetworkUrlsForPostgresJdbcLibpqAndRedis() {
        Map<String, String> env = DataPlaneInfo.databaseEnvironment("asym-shared-postgres", "notes-3f2a");
        assertEquals(List.of("DATABASE_URL", "JDBC_DATABASE_URL", "JDBC_DATABASE_USERNAME", "JDBC_DATABASE_PASSWORD",
                "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD"), List.copyOf(env.keySet()));
        assertEquals("postgres://asymmetric:asymmetric@asym-shared-postgres:5432/clone_notes_3f2a", env.get("DATABASE_URL"));
        assertEquals("jdbc:postgresql://asym-shared-postgres:5432/clone_notes_3f2a?user=asymmetric&password=asymmetric",
                env.get("JDBC_DATABASE_URL"));
        assertEquals("asym-shared-postgres", env.get("PGHOST"));
        assertEquals("5432", env.get("PGPORT"));
        assertEquals("clone_notes_3f2a", env.get("PGDATABASE"));
        assertEquals(Map.of("REDIS_URL", "redis://asym-shared-redis:6379", "REDIS_PREFIX", "notes-3f2a:"),
                DataPlaneInfo.redisEnvironment("asym-shared-redis", "notes-3f2a"));
    }
}
