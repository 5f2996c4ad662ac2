package dev.asymmetric.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes as users write it: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB} (K, M, G too). */
public record ByteSize(long bytes) {
    /** The default seed limit: what one template's seed files, seed SQL and migrations may add up to. */
    public static final ByteSize DEFAULT_SEED_LIMIT = new ByteSize(64L * 1024 * 1024);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,13})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\\s*");

    public ByteSize {
        if (bytes < 1) {
            throw new IllegalArgumentException("not a size: " + bytes);
        }
    }

    /** Parses a size (units are powers of 1024, case-insensitive); null when the text is not one, or is 0. */
    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).isEmpty() ? 'b' : m.group(2).charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            return null;
        }
        return new ByteSize(n << shift);
    }

    /** A size in the largest unit that keeps it whole, like {@code 64 MiB} or {@code 1500 bytes}. */
    public static String describe(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes >> shifts[i]) + " " + units[i];
            }
        }
        return bytes + " bytes";
    }

    @Override
    public String toString() {
        return describe(bytes);
    }
}
