package dev.asymmetric.spec;

import static dev.asymmetric.spec.SpecCase.valid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Specs the reader must accept: hand-written corner cases and every example under {@code specs/}. */
final class ValidSpecs {
    /** The examples shipped with the project; Maven runs tests from the project directory. */
    static final Path EXAMPLES = Path.of("specs");

    private ValidSpecs() {
    }

    static Stream<SpecCase> all() {
        List<SpecCase> cases = new ArrayList<>(handWritten());
        cases.addAll(examples());
        return cases.stream();
    }

    static List<SpecCase> handWritten() {
        return List.of(
                valid("the smallest spec", """
                        name: a
                        clones:
                          - template: fixture
                        """),
                valid("every field given", """
                        # The whole spec, commented.
                        name: acme-2
                        clones:
                          - template: fixture   # the first clone
                            mode: readonly
                            seed: acme-corp
                          - template: stripe
                        """),
                valid("every built-in template", """
                        name: everything
                        clones:
                          - template: fixture
                          - template: stripe
                          - template: mailpit
                          - template: minio
                          - template: wiremock
                          - template: localstack
                        """),
                valid("a name of exactly 40 characters", """
                        name: abcdefghij-abcdefghij-abcdefghij-abcdefg
                        clones:
                          - template: fixture
                        """),
                valid("flow style and quoted strings", """
                        {"name": "acme", "clones": [{"template": "fixture", "mode": 'api'}]}
                        """),
                valid("a null mode and seed mean the defaults", """
                        name: acme
                        clones:
                          - template: fixture
                            mode: ~
                            seed:
                        """),
                valid("a byte-order mark and a document marker", "\uFEFF---\nname: acme\nclones:\n- template: wiremock\n"),
                valid("exactly 500 clones, the most a spec may hold", clones(500)));
    }

    /** A spec of {@code n} fixture clones. */
    static String clones(int n) {
        return "name: many\nclones:\n" + "  - template: fixture\n".repeat(n);
    }

    static List<SpecCase> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .map(f -> valid("example " + f, read(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
