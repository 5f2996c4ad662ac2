package dev.asymmetric.spec;

import static dev.asymmetric.spec.SpecCase.refused;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Specs built to hurt a parser: each must be refused cleanly, quickly, with a named error. */
final class HostileSpecs {
    static final String HOSTILE = "hostile input: refused before it is a document a schema could judge";
    private static final String SPEC = "name: acme\nclones:\n  - template: fixture\n";

    private HostileSpecs() {
    }

    static List<SpecCase> all() {
        return List.of(
                refused("a spec over 1 MiB is refused unread", oversized()).says("is larger than 1 MiB").readerOnly(HOSTILE),
                refused("a billion-laughs alias bomb is refused at its first anchor", billionLaughs())
                        .at("lol0", 1).says("uses a YAML anchor (&lol0); anchors and aliases aren't supported")
                        .readerOnly(HOSTILE),
                refused("an alias is refused naming its key path", (SPEC + "    mode: *api\n").getBytes(StandardCharsets.UTF_8))
                        .at("clones[0].mode", 4).says("uses a YAML alias (*api)").readerOnly(HOSTILE),
                refused("200 levels of nested lists are refused", ("name: acme\nclones: " + "[".repeat(200)
                        + "]".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8))
                        .at("clones" + "[0]".repeat(32), 2).says("nests deeper than 32 levels").readerOnly(HOSTILE),
                refused("200 levels of nested mappings are refused", deepMappings(200))
                        .at(deepPath(32), 35).says("nests deeper than 32 levels").readerOnly(HOSTILE),
                refused("Latin-1 bytes are refused as not UTF-8", "name: café\nclones:\n  - template: fixture\n"
                        .getBytes(StandardCharsets.ISO_8859_1)).says("is not valid UTF-8 text; save it as UTF-8").readerOnly(HOSTILE),
                refused("UTF-16 text is refused as not UTF-8", SPEC.getBytes(StandardCharsets.UTF_16))
                        .says("is not valid UTF-8 text").readerOnly(HOSTILE),
                refused("a NUL byte is refused as not YAML", "name: acme\u0000\nclones:\n  - template: fixture\n"
                        .getBytes(StandardCharsets.UTF_8)).at("", 1).says("is not valid YAML: special characters are not allowed")
                        .readerOnly(HOSTILE),
                refused("a binary value is refused", (SPEC + "    seed: !!binary aGVsbG8=\n").getBytes(StandardCharsets.UTF_8))
                        .at("clones[0].seed", 4).says("holds a value that is not text, a number or a boolean (like !!binary)")
                        .readerOnly(HOSTILE));
    }

    private static byte[] oversized() {
        return (SPEC + "# " + "x".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Ten levels of nine aliases each: 10^9 strings if a parser expanded them. */
    private static byte[] billionLaughs() {
        StringBuilder sb = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("lol").append(i).append(": &lol").append(i).append(" [");
            sb.append(String.join(", ", java.util.Collections.nCopies(9, "*lol" + (i - 1)))).append("]\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code clones:} holding {@code k0:} holding {@code k1:} ... {@code levels} deep, in block style. */
    private static byte[] deepMappings(int levels) {
        StringBuilder sb = new StringBuilder("name: acme\nclones:\n");
        for (int i = 0; i < levels; i++) {
            sb.append("  ".repeat(i + 1)).append('k').append(i).append(":\n");
        }
        sb.append("  ".repeat(levels + 1)).append("x: 1\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The key path {@code clones.k0.k1...} with {@code keys} keys after clones. */
    private static String deepPath(int keys) {
        StringBuilder sb = new StringBuilder("clones");
        for (int i = 0; i < keys; i++) {
            sb.append(".k").append(i);
        }
        return sb.toString();
    }
}
