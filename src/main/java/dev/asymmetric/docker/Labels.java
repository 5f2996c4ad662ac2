package dev.asymmetric.docker;

/** The labels asymmetric puts on what it creates (DESIGN.md, "Actual state lives in Docker"). */
public final class Labels {
    public static final String MANAGED = "dev.asymmetric.managed";
    public static final String CLONE = "dev.asymmetric.clone";
    public static final String TEMPLATE = "dev.asymmetric.template";
    public static final String SERVICE = "dev.asymmetric.service";
    public static final String CONFIG_HASH = "dev.asymmetric.config-hash";
    /** Per-part hashes, so a recreate can say which part changed. */
    public static final String CONFIG_PARTS = "dev.asymmetric.config-parts";
    /** Which ASYM_HOME owns the container: another home's reconciler never touches it. */
    public static final String HOME = "dev.asymmetric.home";
    /** Set on the shared data-plane containers ({@code postgres}, {@code redis}); they belong to no clone. */
    public static final String SHARED = "dev.asymmetric.shared";

    private Labels() {
    }
}
