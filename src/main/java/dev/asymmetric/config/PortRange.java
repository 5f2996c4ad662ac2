package dev.asymmetric.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host ports clones may be given, inclusive. */
public record PortRange(int first, int last) {
    public static final PortRange DEFAULT = new PortRange(3000, 3999);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /** Parses {@code 3000-3999}; returns null when the text is not a valid range. */
    public static PortRange parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a >= 1 && b <= 65535 && a <= b ? new PortRange(a, b) : null;
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
