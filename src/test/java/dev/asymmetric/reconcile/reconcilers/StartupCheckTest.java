package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.States;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupCheckTest {
    @Test
    void probesBackOffFromFiftyMillisecondsToHalfASecond() {
        assertEquals(Duration.ofMillis(50), StartupCheck.gap(Duration.ZERO));
        assertEquals(Duration.ofMillis(50), StartupCheck.gap(Duration.ofMillis(150)));
        assertEquals(Duration.ofMillis(100), StartupCheck.gap(Duration.ofMillis(400)));
        assertEquals(Duration.ofMillis(500), StartupCheck.gap(Duration.ofSeconds(30)));
    }

    private static Clone clone(dev.asymmetric.model.State state, String error, long generation, long observedGeneration, long reset, long observedReset) {
        Metadata m = new Metadata("fixture-0001", "u", generation, 1, Instant.EPOCH, Instant.EPOCH, null, Map.of());
        return new Clone(m, new CloneSpec("fixture", "api", null, false, Map.of(), false, reset),
                new CloneStatus(state, observedGeneration, observedReset, error, "x", Map.of(), Map.of(), null, null, null));
    }

    @Test
    void aFailedStartWaitsForTheUserToRetry() {
        assertTrue(CloneReconciler.awaitingRetry(clone(States.FAILED, "CLONE_START_FAILED", 2, 2, 0, 0)));
        assertTrue(CloneReconciler.awaitingRetry(clone(States.FAILED, "PORT_IN_USE", 2, 2, 1, 1)));
    }

    @Test
    void aStartAskedForAgainIsRetried() {
        assertFalse(CloneReconciler.awaitingRetry(clone(States.FAILED, "CLONE_START_FAILED", 3, 2, 0, 0)), "start/changed spec");
        assertFalse(CloneReconciler.awaitingRetry(clone(States.FAILED, "CLONE_START_FAILED", 2, 2, 1, 0)), "reset");
    }

    @Test
    void otherFailuresAreLookedAtAgain() {
        assertFalse(CloneReconciler.awaitingRetry(clone(States.FAILED, "HEALTH_TIMEOUT", 2, 2, 0, 0)));
        assertFalse(CloneReconciler.awaitingRetry(clone(States.FAILED, "TEMPLATE_NOT_FOUND", 2, 2, 0, 0)));
        assertFalse(CloneReconciler.awaitingRetry(clone(States.RUNNING, null, 2, 2, 0, 0)));
    }
}
