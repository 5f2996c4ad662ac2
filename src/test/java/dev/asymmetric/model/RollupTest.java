package dev.asymmetric.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollupTest {
    @Test
    void allRunningIsRunning() {
        assertEquals("running", Rollup.of(List.of("running", "running"), false));
    }

    @Test
    void someRunningIsPartial() {
        assertEquals("partial", Rollup.of(List.of("running", "failed"), false));
        assertEquals("partial", Rollup.of(List.of("running", "stopped"), false));
    }

    @Test
    void noneRunningIsFailed() {
        assertEquals("failed", Rollup.of(List.of("failed", "failed"), false));
        assertEquals("failed", Rollup.of(List.of("failed", "stopped"), false));
    }

    @Test
    void allStoppedIsStopped() {
        assertEquals("stopped", Rollup.of(List.of("stopped", "stopped"), false));
    }

    @Test
    void anyMemberOnItsWayIsPending() {
        assertEquals("pending", Rollup.of(List.of("running", "starting"), false));
        assertEquals("pending", Rollup.of(List.of("failed", "resetting"), false));
        assertEquals("pending", Rollup.of(List.of(), false));
    }

    @Test
    void deletionWins() {
        assertEquals("deleting", Rollup.of(List.of("running"), true));
    }

    @Test
    void summaryCountsMembersUp() {
        assertEquals("1/3 clone(s) up", Rollup.summary(List.of("running", "failed", "starting")));
    }
}
