package dev.asymmetric.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.Problem;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates never reach outside their folder, hold no special files, and keep their seed data under the limit. */
class TemplateFilesTest {
    private static final String SEEDED = """
            name: notes
            description: Seeded.
            services:
              api: {image: busybox}
            seeds:
              acme:
                files:
                  - {service: api, from: seeds/acme, to: /www/data}
            """;
    private static final String MIGRATED = """
            name: notes
            description: Migrated.
            database:
              migrations: [db/001.sql]
            """;

    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    private TemplateReader.Result read(Path dir) {
        return new TemplateReader(new YamlDocuments()).read(dir, "test");
    }

    private static void assertRefused(TemplateReader.Result r, String path, String phrase) {
        assertNull(r.template(), () -> "expected a refusal, got a template; problems " + r.problems());
        assertTrue(r.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(phrase)),
                () -> "expected a problem at '" + path + "' saying \"" + phrase + "\"; got " + r.problems());
    }

    private Path secret() throws IOException {
        return Files.writeString(elsewhere.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    }

    @Test
    void aSeedDirectoryThatIsASymlinkOutsideIsRefusedNamingIt() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/"));
        Files.createSymbolicLink(dir.resolve("seeds/acme"), elsewhere);
        assertRefused(read(dir), "seeds.acme.files[0].from", "'seeds/acme' resolves to " + elsewhere.toRealPath()
                + ", outside the template directory");
    }

    @Test
    void aFileInASeedDirectoryLinkingOutsideIsRefusedNamingIt() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/acme/1.json"));
        Files.createSymbolicLink(dir.resolve("seeds/acme/passwd"), secret());
        assertRefused(read(dir), "seeds.acme.files[0].from", "'seeds/acme/passwd' resolves to "
                + elsewhere.toRealPath().resolve("passwd") + ", outside the template directory");
    }

    @Test
    void aParentOfASeedPathLinkingOutsideIsRefused() throws IOException {
        Files.createDirectories(elsewhere.resolve("acme"));
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of());
        Files.createSymbolicLink(dir.resolve("seeds"), elsewhere);
        assertRefused(read(dir), "seeds.acme.files[0].from", "outside the template directory");
    }

    @Test
    void aBuildContextLinkingOutsideOrHoldingALinkOutsideIsRefused() throws IOException {
        String yaml = "name: built\ndescription: Built.\nservices:\n  api: {build: image}\n";
        Files.writeString(elsewhere.resolve("Dockerfile"), "FROM busybox\n");
        Path linked = TemplateDirs.write(root, "built", yaml, List.of());
        Files.createSymbolicLink(linked.resolve("image"), elsewhere);
        assertRefused(read(linked), "services.api.build", "'image' resolves to");

        Path holding = TemplateDirs.write(root.resolve("other"), "built", yaml, List.of("image/Dockerfile"));
        Files.createSymbolicLink(holding.resolve("image/passwd"), secret());
        assertRefused(read(holding), "services.api.build", "'image/passwd' resolves to");
    }

    @Test
    void aMigrationOrSeedSqlLinkingOutsideIsRefused() throws IOException {
        Path migrated = TemplateDirs.write(root, "notes", MIGRATED, List.of("db/"));
        Files.createSymbolicLink(migrated.resolve("db/001.sql"), secret());
        assertRefused(read(migrated), "database.migrations[0]", "'db/001.sql' resolves to");

        Path seeded = TemplateDirs.write(root.resolve("other"), "notes", MIGRATED + "seeds:\n  acme: {sql: [db/acme.sql]}\n",
                List.of("db/001.sql"));
        Files.createSymbolicLink(seeded.resolve("db/acme.sql"), secret());
        assertRefused(read(seeded), "seeds.acme.sql[0]", "'db/acme.sql' resolves to");
    }

    @Test
    void aTemplateYamlLinkingOutsideIsRefused() throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("template.yaml"), MIGRATED);
        Path dir = Files.createDirectories(root.resolve("notes"));
        Files.createSymbolicLink(dir.resolve("template.yaml"), outside);
        TemplateReader.Result r = read(dir);
        assertRefused(r, "", "is a symlink to " + outside.toRealPath() + ", outside the template directory");
    }

    @Test
    void symlinksThatStayInsideTheTemplateAreAccepted() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED + "database:\n  migrations: [db/001.sql]\n",
                List.of("shared/1.json", "sql/schema.sql", "seeds/"));
        Files.createDirectories(dir.resolve("db"));
        Files.createSymbolicLink(dir.resolve("seeds/acme"), Path.of("../shared"));
        Files.createSymbolicLink(dir.resolve("db/001.sql"), Path.of("../sql/schema.sql"));
        TemplateReader.Result r = read(dir);
        assertEquals(List.<Problem>of(), r.problems());
    }

    @Test
    void aTemplateDirectoryThatIsASymlinkIsJudgedByWhereItLeads() throws IOException {
        Path real = TemplateDirs.write(elsewhere, "notes", SEEDED, List.of("seeds/acme/1.json"));
        Path link = Files.createSymbolicLink(root.resolve("notes"), real);
        assertNotNull(read(link).template(), () -> read(link).problems().toString());
        Catalog catalog = new Catalog(null, root);
        assertEquals(List.of("notes"), List.copyOf(catalog.all().keySet()));
    }

    @Test
    void aSymlinkToNothingIsRefused() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/acme/1.json"));
        Files.createSymbolicLink(dir.resolve("seeds/acme/gone"), dir.resolve("nothing-here"));
        assertRefused(read(dir), "seeds.acme.files[0].from", "'seeds/acme/gone' is a symlink to a missing path");
    }

    @Test
    void aSymlinkLoopIsRefused() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/acme/1.json"));
        Files.createSymbolicLink(dir.resolve("seeds/acme/again"), Path.of("."));
        assertRefused(read(dir), "seeds.acme.files[0].from", "'seeds/acme/again' is a symlink loop");
    }

    @Test
    void aFifoInASeedIsRefusedWithoutBlockingTheReader() throws Exception {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/acme/1.json"));
        mkfifo(dir.resolve("seeds/acme/pipe"));
        TemplateReader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(dir));
        assertRefused(r, "seeds.acme.files[0].from", "'seeds/acme/pipe' is a FIFO (named pipe); a template may hold"
                + " only regular files and directories");
    }

    @Test
    void aFifoAsMigrationOrAsTemplateYamlIsRefusedWithoutBlocking() throws Exception {
        Path migrated = TemplateDirs.write(root, "notes", MIGRATED, List.of("db/"));
        mkfifo(migrated.resolve("db/001.sql"));
        TemplateReader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(migrated));
        assertRefused(r, "database.migrations[0]", "'db/001.sql' is a FIFO");

        Path manifest = Files.createDirectories(root.resolve("piped"));
        mkfifo(manifest.resolve("template.yaml"));
        TemplateReader.Result m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(manifest));
        assertRefused(m, "", "is not a regular file");
    }

    @Test
    void aSocketInASeedIsRefused() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/acme/1.json"));
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(dir.resolve("seeds/acme/sock")));
            assertRefused(read(dir), "seeds.acme.files[0].from", "'seeds/acme/sock' is a socket");
        }
    }

    @Test
    void seedDataOverTheLimitIsRefusedNamingThePathThatCrossedIt() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED + "database:\n  migrations: [db/001.sql]\n", List.of("seeds/acme/"));
        Files.createDirectories(dir.resolve("db"));
        Files.write(dir.resolve("db/001.sql"), new byte[600]);
        Files.write(dir.resolve("seeds/acme/1.json"), new byte[600]);
        TemplateReader.Result r = new TemplateReader(new YamlDocuments(), 1024).read(dir, "test");
        assertRefused(r, "seeds.acme.files[0].from", "'seeds/acme' brings this template's seed data (seed files, seed SQL"
                + " and migrations) over the seed limit of 1 KiB; make the seed smaller, or raise the limit with"
                + " ASYM_SEED_LIMIT or 'seedLimit' in config.yaml");
        assertNotNull(new TemplateReader(new YamlDocuments(), 1200).read(dir, "test").template());
    }

    @Test
    void aFileNamedByTwoSeedsCountsOnce() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED + "  again:\n    files:\n"
                + "      - {service: api, from: seeds/acme, to: /www/more}\n", List.of("seeds/acme/"));
        Files.write(dir.resolve("seeds/acme/1.json"), new byte[800]);
        assertEquals(List.<Problem>of(), new TemplateReader(new YamlDocuments(), 1024).read(dir, "test").problems());
    }

    @Test
    void aHugeSeedIsRefusedUnderTheDefaultLimitWithoutBeingRead() throws IOException {
        Path dir = TemplateDirs.write(root, "notes", SEEDED, List.of("seeds/acme/"));
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("seeds/acme/big.bin").toFile(), "rw")) {
            sparse.setLength(150L * 1024 * 1024);
        }
        assertRefused(read(dir), "seeds.acme.files[0].from", "over the seed limit of 64 MiB");
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here");
            return;
        }
        assertEquals(0, mk.waitFor());
    }
}
