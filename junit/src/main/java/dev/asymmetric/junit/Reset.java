package dev.asymmetric.junit;

/** When the extension puts the environment back to its seed. */
public enum Reset {
    /** Before each test method (the first test of a freshly made environment skips it: it starts from the seed). */
    EACH_TEST,
    /** Before each test class that uses the environment (again skipped when the class made it). */
    EACH_CLASS,
    /** Never: the tests share whatever state they leave. */
    NEVER
}
