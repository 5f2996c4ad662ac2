package dev.asymmetric.client;

import java.util.List;

/**
 * An environment once it settled: its name, its state and its members in the order its spec declares them.
 *
 * @param created whether this spin created it (false: an environment already running was reused)
 */
public record EnvironmentInfo(String name, String state, List<CloneInfo> members, boolean created) {
}
