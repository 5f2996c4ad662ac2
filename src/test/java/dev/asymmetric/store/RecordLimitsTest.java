package dev.asymmetric.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store never writes what its own reader would refuse: one request can't brick it. */
class RecordLimitsTest {
    @TempDir
    Path home;

    private final Codec codec = new Codec();

    private Store store() {
        return new Store(home, codec, Clock.systemUTC());
    }

    private static final int HUGE = RecordWriter.MAX_CODE_POINTS + 1;

    /**
     * An environment whose record takes about {@code size} characters (a long label stands for the 30,000 clone
     * entries of a real attempt: the same bytes, built and parsed a hundred times faster).
     */
    private static Environment env(String name, int size) {
        List<CloneRequest> clones = List.of(new CloneRequest("fixture", null, null));
        return new Environment(Metadata.fresh(name, null, null, Map.of("note", "x".repeat(size))),
                new EnvironmentSpec(null, clones, 0), EnvironmentStatus.initial());
    }

    /**
     * A YAML list of exactly {@code codePoints} characters, like a record: content all of it (the reader does not
     * count comments, and a record has none).
     */
    private static String yamlOf(int codePoints) {
        StringBuilder sb = new StringBuilder();
        String line = "- " + "x".repeat(97) + "\n";
        while (sb.length() + line.length() + 4 < codePoints) {
            sb.append(line);
        }
        sb.append("- ");
        while (sb.length() < codePoints - 1) {
            sb.append('y');
        }
        return sb.append('\n').toString();
    }

    @Test
    void theStoresLimitIsExactlyWhatTheCodecsYamlReaderAccepts() {
        int limit = RecordWriter.MAX_CODE_POINTS;
        assertEquals(limit, yamlOf(limit).length());
        assertDoesNotThrow(() -> codec.yaml().readTree(yamlOf(limit).getBytes(StandardCharsets.UTF_8)));
        assertThrows(Exception.class, () -> codec.yaml().readTree(yamlOf(limit + 1).getBytes(StandardCharsets.UTF_8)),
                "the reader refuses one character more, so the store must never write it");
    }

    @Test
    void aRecordTooLargeToReadBackIsRefusedAndNothingIsWritten() throws Exception {
        Store s = store();
        AsymException e = assertThrows(AsymException.class, () -> s.create(env("huge", HUGE)));
        assertEquals(ErrorCode.RECORD_TOO_LARGE, e.code());
        assertTrue((Long) e.details().get("size") > RecordWriter.MAX_CODE_POINTS, "over what the reader refuses");
        assertTrue(e.getMessage().startsWith("env/huge was not written"), e.getMessage());
        assertTrue(e.getMessage().contains("split it into smaller environments"), e.getMessage());
        assertTrue(s.environment("huge").isEmpty());
        assertEquals(List.of(), leftovers(), "no temp file either");
    }

    @Test
    void aRefusedUpdateLeavesTheRecordAsItWasAndEveryListingWorks() {
        Store s = store();
        Environment small = s.create(env("acme", 2));
        s.create(env("other", 1));
        AsymException e = assertThrows(AsymException.class,
                () -> s.write(small.withMetadata(small.metadata().withLabels(env("acme", HUGE).metadata().labels()))));
        assertEquals(ErrorCode.RECORD_TOO_LARGE, e.code());
        assertEquals(small, s.environment("acme").orElseThrow());
        assertEquals(List.of("acme", "other"), s.environments().stream().map(Environment::name).toList());
        assertEquals(List.of(), s.unreadable());
    }

    @Test
    void createAllLeavesNoTempFileWhenOneOfItsRecordsIsRefused() throws Exception {
        Store s = store();
        assertThrows(AsymException.class, () -> s.createAll(List.of(env("a", 1), env("b", HUGE), env("c", 1))));
        assertEquals(List.of(), s.environments(), "all or nothing before the lock");
        assertEquals(List.of(), leftovers());
    }

    private List<String> leftovers() throws Exception {
        Path dir = home.resolve("state/envs");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
