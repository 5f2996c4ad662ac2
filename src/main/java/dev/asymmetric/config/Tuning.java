package dev.asymmetric.config;

import java.time.Duration;
import java.util.function.Function;

/**
 * The reconciler's knobs, for operators rather than users (docs/cli.md: JVM system properties passed with
 * {@code ASYM_JAVA_OPTS="-D..."}): reconcile workers, the controller's resync period, and the spec folder's quiet
 * period and rescan. Read in this one place.
 */
public record Tuning(int workers, Duration resync, Duration specsDebounce, Duration specsRescan) {
    public static final Tuning DEFAULT = new Tuning(12, Duration.ofSeconds(30), Duration.ofMillis(400), Duration.ofSeconds(10));

    /** From properties named {@code asym.workers}, {@code asym.resync.seconds}, {@code asym.specs.debounce.ms} and {@code asym.specs.rescan.seconds}. */
    public static Tuning from(Function<String, String> property) {
        return new Tuning(number(property, "asym.workers", DEFAULT.workers()),
                Duration.ofSeconds(number(property, "asym.resync.seconds", (int) DEFAULT.resync().toSeconds())),
                Duration.ofMillis(number(property, "asym.specs.debounce.ms", (int) DEFAULT.specsDebounce().toMillis())),
                Duration.ofSeconds(number(property, "asym.specs.rescan.seconds", (int) DEFAULT.specsRescan().toSeconds())));
    }

    private static int number(Function<String, String> property, String name, int otherwise) {
        String v = property.apply(name);
        try {
            int n = v == null ? otherwise : Integer.parseInt(v.trim());
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
