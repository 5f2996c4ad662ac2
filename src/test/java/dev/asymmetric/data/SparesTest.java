package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SparesTest {
    /** Runs tasks only when told to. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runNext() {
            tasks.remove().run();
        }
    }

    private static CloneData data(String id) {
        return new CloneData("0123456789ab", id, "abcdef012345", List.of(), List.of());
    }

    @Test
    void requestsForACloneAlreadyWaitingAreMergedIntoOne() {
        ManualExecutor ex = new ManualExecutor();
        List<String> made = new ArrayList<>();
        Spares spares = new Spares(ex, d -> made.add(d.cloneId()));
        spares.request(data("notes-1"), e -> { });
        spares.request(data("notes-1"), e -> { });
        spares.request(data("notes-2"), e -> { });
        assertEquals(2, ex.tasks.size());
        ex.runNext();
        ex.runNext();
        assertEquals(List.of("notes-1", "notes-2"), made);
    }

    @Test
    void aRequestWhileThatClonesCopyIsBeingMadeRunsOnceMoreAfterIt() {
        ManualExecutor ex = new ManualExecutor();
        List<String> made = new ArrayList<>();
        Spares[] self = new Spares[1];
        self[0] = new Spares(ex, d -> {
            made.add(d.cloneId());
            if (made.size() == 1) {
                self[0].request(data("notes-1"), e -> { });
            }
        });
        self[0].request(data("notes-1"), e -> { });
        ex.runNext();
        assertEquals(1, ex.tasks.size(), "the request made during the copy is queued again");
        ex.runNext();
        assertEquals(List.of("notes-1", "notes-1"), made);
    }

    @Test
    void failuresGoToTheCallerAndDoNotStopLaterCopies() throws Exception {
        ManualExecutor ex = new ManualExecutor();
        List<RuntimeException> failures = new ArrayList<>();
        Spares spares = new Spares(ex, d -> {
            throw new IllegalStateException("no room");
        });
        spares.request(data("notes-1"), failures::add);
        ex.runNext();
        assertEquals("no room", failures.get(0).getMessage());
        assertTrue(spares.awaitIdle(Duration.ZERO));
    }

    @Test
    void awaitIdleWaitsForQueuedAndRunningCopies() throws Exception {
        ManualExecutor ex = new ManualExecutor();
        Spares spares = new Spares(ex, d -> { });
        assertTrue(spares.awaitIdle(Duration.ZERO), "nothing requested");
        spares.request(data("notes-1"), e -> { });
        assertFalse(spares.awaitIdle(Duration.ofMillis(20)));
        ex.runNext();
        assertTrue(spares.awaitIdle(Duration.ZERO));
    }

    @Test
    void aRejectingExecutorIsReportedAsAFailureAndLeavesNothingPending() throws Exception {
        List<RuntimeException> failures = new ArrayList<>();
        Spares spares = new Spares(r -> {
            throw new RejectedExecutionException("shut down");
        }, d -> { });
        spares.request(data("notes-1"), failures::add);
        assertEquals(1, failures.size());
        assertTrue(spares.awaitIdle(Duration.ZERO));
    }
}
