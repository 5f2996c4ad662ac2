package dev.asymmetric.spec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.EnvironmentSpecReader.EnvironmentDoc;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of valid specs (seeded, so a failure reproduces): each reads as a valid spec or
 * is refused with a named error and a message free of parser internals, never another exception, never a hang.
 */
class EnvironmentSpecFuzzTest {
    private static final long SEED = 20_261_125L;
    private static final int MUTATIONS = 5000;
    /** Names of Java or parser internals that must never reach a user's message. */
    private static final Pattern INTERNALS = Pattern.compile("org\\.yaml|com\\.fasterxml|snakeyaml|Exception|Event\\(");

    private final EnvironmentSpecReader reader = new EnvironmentSpecReader(new YamlDocuments(),
            EnvironmentSpecReaderTest.CATALOG);

    @Test
    void randomMutationsOfValidSpecsAreReadOrRefusedByNameWithoutHanging() {
        List<String> seeds = ValidSpecs.all().map(SpecCase::text).toList();
        Map<ErrorCode, Integer> refusals = new EnumMap<>(ErrorCode.class);
        int[] accepted = {0};
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(SEED);
            SpecMutator mutator = new SpecMutator(random);
            for (int i = 0; i < MUTATIONS && failures.size() < 5; i++) {
                byte[] spec = mutator.mutate(seeds.get(random.nextInt(seeds.size())));
                String problem = judge(spec, "fuzz-" + i + ".yaml", refusals, accepted);
                if (problem != null) {
                    failures.add("mutation " + i + ": " + problem + "\n--- input ---\n"
                            + new String(spec, StandardCharsets.UTF_8) + "\n---");
                }
            }
        });
        if (!failures.isEmpty()) {
            fail("seed " + SEED + ":\n" + String.join("\n\n", failures));
        }
        // The mutations must exercise both outcomes, or the test proves little.
        assertTrue(accepted[0] > 100 && refusals.getOrDefault(ErrorCode.ENV_SPEC_INVALID, 0) > 1000
                && refusals.getOrDefault(ErrorCode.TEMPLATE_NOT_FOUND, 0) > 10,
                "accepted " + accepted[0] + ", refused " + refusals);
    }

    /** Null when the reader behaved; otherwise what went wrong. */
    private String judge(byte[] spec, String display, Map<ErrorCode, Integer> refusals, int[] accepted) {
        try {
            String invalid = invalidDoc(reader.parse(spec, display));
            accepted[0]++;
            return invalid == null ? null : "accepted an invalid spec: " + invalid;
        } catch (AsymException e) {
            refusals.merge(e.code(), 1, Integer::sum);
            if (e.code() != ErrorCode.ENV_SPEC_INVALID && e.code() != ErrorCode.TEMPLATE_NOT_FOUND) {
                return "refused with " + e.code() + ": " + e.getMessage();
            }
            if (!e.getMessage().startsWith(display) || INTERNALS.matcher(e.getMessage()).find()) {
                return "unhelpful message: " + e.getMessage();
            }
            return null;
        } catch (Throwable t) {
            return "threw " + t;
        }
    }

    private String invalidDoc(EnvironmentDoc doc) {
        if (doc.name() == null || !EnvironmentSpecReader.NAME.matcher(doc.name()).matches()) {
            return "name " + doc.name();
        }
        if (doc.clones().isEmpty()) {
            return "no clones";
        }
        for (CloneRequest r : doc.clones()) {
            Template t = EnvironmentSpecReaderTest.CATALOG.find(r.template()).orElse(null);
            if (t == null || (r.mode() != null && t.mode(r.mode()).isEmpty())
                    || (r.seed() != null && t.seed(r.seed()).isEmpty())) {
                return "clone " + r;
            }
        }
        return null;
    }
}
