package dev.asymmetric.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollupTest {
    private static List<State> states(String... wire) {
        return java.util.Arrays.stream(wire).map(State::of).toList();
    }

    @Test
    void allRunningIsRunning() {
        assertEquals("running", Rollup.of(states("running", "running"), false).wire());
    }

    @Test
    void someRunningIsPartial() {
        assertEquals("partial", Rollup.of(states("running", "failed"), false).wire());
        assertEquals("partial", Rollup.of(states("running", "stopped"), false).wire());
    }

    @Test
    void noneRunningIsFailed() {
        assertEquals("failed", Rollup.of(states("failed", "failed"), false).wire());
        assertEquals("failed", Rollup.of(states("failed", "stopped"), false).wire());
    }

    @Test
    void allStoppedIsStopped() {
        assertEquals("stopped", Rollup.of(states("stopped", "stopped"), false).wire());
    }

    @Test
    void anyMemberOnItsWayIsPending() {
        assertEquals("pending", Rollup.of(states("running", "starting"), false).wire());
        assertEquals("pending", Rollup.of(states("failed", "resetting"), false).wire());
        assertEquals("pending", Rollup.of(states(), false).wire());
    }

    @Test
    void deletionWins() {
        assertEquals("deleting", Rollup.of(states("running"), true).wire());
    }

    @Test
    void summaryCountsMembersUp() {
        assertEquals("1/3 clone(s) up", Rollup.summary(states("running", "failed", "starting")));
    }
}
