package dev.asymmetric.provider;

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

    /**
     * The host ports a clone's container claims ({@code 3001,3002}), whatever its state: other homes on the engine
     * skip them when they allocate, so a port stays leased while its container is stopped or recreated.
     */
    public static final String PORTS = "dev.asymmetric.ports";

    private Labels() {
    }

    /** The value of {@link #PORTS} for these host ports. */
    public static String ports(java.util.Collection<Integer> hostPorts) {
        return hostPorts.stream().filter(p -> p != null && p > 0).sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The host ports a {@link #PORTS} value names; nothing for null or garbage. */
    public static java.util.Set<Integer> ports(String value) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String p = part.strip();
                if (p.matches("\\d{1,5}")) {
                    out.add(Integer.parseInt(p));
                }
            }
        }
        return out;
    }
}
