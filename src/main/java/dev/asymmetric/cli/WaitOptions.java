package dev.asymmetric.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --timeout}: how long a verb waits for convergence (default 120 s, or longer when a template's health timeout
 * is: that timeout plus {@link #MARGIN}).
 */
final class WaitOptions {
    static final Duration DEFAULT = Duration.ofSeconds(120);
    /** What a stretched default allows beyond the longest health timeout (creating, pulling, data preparing). */
    static final Duration MARGIN = Duration.ofSeconds(60);

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class, defaultValue = "120s",
            description = "How long to wait for convergence, e.g. 90s or 5m (default: ${DEFAULT-VALUE}, or a template's"
                    + " health timeout plus a minute when that is longer). On timeout the desired state stays recorded"
                    + " and still converges.")
    Duration timeout;

    /** 500ms, 90s, 5m, 1h, or a bare number of seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("h")) {
                    return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a duration; use e.g. 500ms, 90s or 5m");
            }
        }
    }
}
