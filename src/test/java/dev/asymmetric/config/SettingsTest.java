package dev.asymmetric.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path tmp;

    private Settings load(Path home, String... envPairs) {
        Map<String, String> env = new HashMap<>();
        env.put("ASYM_HOME", home.toString());
        for (int i = 0; i < envPairs.length; i += 2) {
            env.put(envPairs[i], envPairs[i + 1]);
        }
        return Settings.load(env, tmp.resolve("user").toString());
    }

    private Path homeWithConfig(String yaml) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("config.yaml"), yaml);
        return home;
    }

    private AsymException refusal(Path home, String... env) {
        AsymException e = assertThrows(AsymException.class, () -> load(home, env));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        return e;
    }

    @Test
    void templatesOfConfigYamlComeFirstInOrderAndAsymTemplatesDirLastSoItWins() throws IOException {
        Path home = homeWithConfig("templates: [/srv/templates, team, ~/mine]\n");
        Settings s = load(home, "ASYM_TEMPLATES_DIR", "/opt/override");
        Path real = home.toRealPath();
        assertEquals(List.of(Path.of("/srv/templates"), real.resolve("team"), tmp.resolve("user/mine"),
                Path.of("/opt/override")), s.templateDirs());
    }

    @Test
    void withoutEitherThereAreNoUserTemplateDirectories() throws IOException {
        assertEquals(List.of(), load(Files.createDirectories(tmp.resolve("home"))).templateDirs());
    }

    @Test
    void templatesThatAreNotAListOfStringsAreConfigInvalid() throws IOException {
        Path home = homeWithConfig("templates: /srv/templates\n");
        assertTrue(refusal(home).getMessage().contains("templates: must be a list (directories of template directories),"
                + " not a string"));
    }

    @Test
    void anUnknownConfigKeySuggestsTheClosestAmongTheNewOnes() throws IOException {
        Path home = homeWithConfig("template: [x]\n");
        assertTrue(refusal(home).getMessage().contains("'template' (did you mean 'templates'?); allowed here: ports,"
                + " postgres, redis, controller, templates, seedLimit"));
    }

    @Test
    void aHomeReachedThroughASymlinkIsTheSameHome() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-home"));
        Path link = Files.createSymbolicLink(tmp.resolve("link-home"), real);
        assertEquals(real.toRealPath(), load(link).home());
        assertEquals(load(real).home(), load(link).home());
    }

    @Test
    void aMissingHomeIsTheRealPathOfItsNearestExistingParentPlusTheRest() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-parent"));
        Path link = Files.createSymbolicLink(tmp.resolve("link-parent"), real);
        assertEquals(real.toRealPath().resolve("a/b"), load(link.resolve("a/b")).home());
        assertEquals(real.toRealPath().resolve("a"), load(link.resolve("x/../a")).home());
    }

    @Test
    void aHomeThatIsAFileIsConfigInvalidSayingWhatToDo() throws IOException {
        Path file = Files.writeString(tmp.resolve("home"), "not a directory");
        assertEquals("The home directory " + file + " (ASYM_HOME; default ~/.asymmetric) can't be used: it is a file,"
                + " not a directory; point ASYM_HOME at a directory (it is created if missing), or move the file away.",
                refusal(file).getMessage());
    }

    @Test
    void aHomeUnderAFileIsConfigInvalidNamingTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertTrue(refusal(file.resolve("home")).getMessage().contains("can't be used: " + file
                + " is a file, not a directory"));
    }

    @Test
    void aHomeThatIsASymlinkToNothingIsConfigInvalid() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
        assertTrue(refusal(link).getMessage().contains(link + " is a symlink to a missing path"));
    }

    @Test
    void theSeedLimitIs64MiBUnlessConfigYamlOrTheEnvironmentSaysOtherwise() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertEquals(64L << 20, load(plain).seedLimit().bytes());
        Path home = homeWithConfig("seedLimit: 512KiB\n");
        assertEquals(512L << 10, load(home).seedLimit().bytes());
        assertEquals(2L << 30, load(home, "ASYM_SEED_LIMIT", "2GiB").seedLimit().bytes());
        Files.writeString(home.resolve("config.yaml"), "seedLimit: 1048576\n");
        assertEquals(1L << 20, load(home).seedLimit().bytes());
    }

    @Test
    void aSeedLimitThatIsNotASizeIsConfigInvalid() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        assertEquals("The seed limit 'lots' is not a size like 64MiB, 512KiB or 1048576 (bytes); fix ASYM_SEED_LIMIT"
                + " or 'seedLimit' in " + home.toRealPath().resolve("config.yaml"),
                refusal(home, "ASYM_SEED_LIMIT", "lots").getMessage());
        Files.writeString(home.resolve("config.yaml"), "seedLimit: [1]\n");
        assertTrue(refusal(home).getMessage().contains("seedLimit: must be a size like 64MiB, not a list"));
    }

    @Test
    void aConfigYamlThatIsAFifoIsRefusedWithoutBlocking() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Process mk = new ProcessBuilder("mkfifo", home.resolve("config.yaml").toString()).start();
        assertEquals(0, mk.waitFor());
        AsymException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> refusal(home));
        assertTrue(e.getMessage().contains("is not a regular file"), e::getMessage);
    }
}
