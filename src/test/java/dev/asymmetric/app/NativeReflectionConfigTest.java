package dev.asymmetric.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the native build honest: every class Jackson binds by reflection — docker-java's models and commands (its
 * requests are serialised command objects) and our own stored records — is listed in the reflection config the
 * native image reads. A new class appears here as a failing test, not as a surprise in a native binary. Regenerate
 * with {@code -Dasym.regenerate=true}.
 */
class NativeReflectionConfigTest {
    static final Path CONFIG = Path.of("src/main/resources/META-INF/native-image/dev.asymmetric/asymmetric/reflect-config.json");
    static final List<String> DOCKER_PACKAGES = List.of("com/github/dockerjava/api/model/",
            "com/github/dockerjava/api/command/", "com/github/dockerjava/core/command/");
    static final List<String> OWN = List.of("dev.asymmetric.intent.SpecFileReports$Report");

    @Test
    void everyReflectivelyBoundClassIsRegistered() throws Exception {
        String expected = render(expectedClasses());
        if (Boolean.getBoolean("asym.regenerate")) {
            Files.createDirectories(CONFIG.getParent());
            Files.writeString(CONFIG, expected);
        }
        assertEquals(expected, Files.readString(CONFIG),
                "reflect-config.json is out of date: run ./mvnw test -Dtest=NativeReflectionConfigTest -Dasym.regenerate=true");
    }

    static TreeSet<String> expectedClasses() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String anchor : List.of("com/github/dockerjava/api/model/Container.class",
                "com/github/dockerjava/core/command/CreateContainerCmdImpl.class")) {
            URI uri = URI.create(NativeReflectionConfigTest.class.getClassLoader().getResource(anchor).toString());
            String jar = uri.toString().substring(0, uri.toString().indexOf("!/"));
            try (FileSystem fs = FileSystems.newFileSystem(URI.create(jar), Map.of())) {
                for (String pkg : DOCKER_PACKAGES) {
                    Path dir = fs.getPath("/" + pkg);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.list(dir)) {
                            files.map(p -> p.toString().substring(1)).filter(n -> n.endsWith(".class"))
                                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                        }
                    }
                }
            }
        }
        Path model = Path.of("target/classes/dev/asymmetric/model");
        try (Stream<Path> files = Files.list(model)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .forEach(n -> names.add("dev.asymmetric.model." + n.substring(0, n.length() - 6)));
        }
        names.addAll(OWN);
        return names;
    }

    static String render(TreeSet<String> names) {
        List<String> entries = new ArrayList<>();
        for (String n : names) {
            entries.add("  {\"name\": \"" + n + "\", \"allDeclaredConstructors\": true, \"allDeclaredMethods\": true,"
                    + " \"allDeclaredFields\": true}");
        }
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }
}
