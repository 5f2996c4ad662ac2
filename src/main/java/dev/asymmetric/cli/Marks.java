package dev.asymmetric.cli;

/** The marks human output uses. */
final class Marks {
    static final String OK = "✓";
    static final String FAIL = "✗";
    static final String WAIT = "…";

    private Marks() {
    }
}
