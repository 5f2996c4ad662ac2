package dev.asymmetric.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.provider.WorkloadPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {
    @TempDir
    Path tmp;

    @Test
    void aSeedFileSwappedForALinkLeadingOutsideIsRefusedWhenPackedNotFollowed() throws IOException {
        Path seed = Files.createDirectories(tmp.resolve("template/seeds/acme"));
        Files.writeString(seed.resolve("ok.json"), "{}");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "host secret");
        Files.createSymbolicLink(seed.resolve("sneaky.json"), secret);
        IOException e = assertThrows(IOException.class, () -> Archives.drops(
                List.of(new WorkloadPlan.FileDrop(seed, "/www/data")), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("leading outside its template"), e.getMessage());
    }

    @Test
    void aLinkWithinTheSeedIsPackedAsItsFile() throws IOException {
        Path seed = Files.createDirectories(tmp.resolve("template/seeds/acme"));
        Files.writeString(seed.resolve("a.json"), "{\"a\":1}");
        Files.createSymbolicLink(seed.resolve("b.json"), seed.resolve("a.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Archives.drops(List.of(new WorkloadPlan.FileDrop(seed, "/www/data")), out);
        assertTrue(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("www/data/b.json"));
    }
}
