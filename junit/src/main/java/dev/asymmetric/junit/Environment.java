package dev.asymmetric.junit;

import dev.asymmetric.client.EnvironmentInfo;
import java.util.List;
import java.util.function.Supplier;

/** The environment a test class runs against: its name and its members in the order the spec declares them. */
public final class Environment {
    private final EnvironmentInfo info;
    private final List<Clone> members;
    private final Supplier<Environment> reset;

    Environment(EnvironmentInfo info, Supplier<Environment> reset) {
        this.info = info;
        this.members = info.members().stream().map(Clone::new).toList();
        this.reset = reset;
    }

    /** Its name in the store ({@code acme-<fork>}): what {@code asymmetric env status} shows. */
    public String name() {
        return info.name();
    }

    public List<Clone> members() {
        return members;
    }

    /** The member at {@code index} of the spec's {@code clones:}. */
    public Clone member(int index) {
        if (index < 0 || index >= members.size()) {
            throw new IllegalArgumentException("Environment " + name() + " has " + members.size()
                    + " members; there is no member " + index);
        }
        return members.get(index);
    }

    /** The first member of template {@code template}. */
    public Clone member(String template) {
        return members.stream().filter(c -> c.template().equals(template)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Environment " + name() + " has no member of template '" + template
                        + "'; its members are " + members));
    }

    /** Resets every member to its seed now (beyond what {@link Reset} does) and returns it as it then stands. */
    public Environment reset() {
        return reset.get();
    }

    @Override
    public String toString() {
        return name() + " " + members;
    }
}
