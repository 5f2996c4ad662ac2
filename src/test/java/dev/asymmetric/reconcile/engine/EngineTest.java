package dev.asymmetric.reconcile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Result;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per branch of the engine's outcome switch, with a scripted fake reconciler. */
class EngineTest {
    /** Plays back scripted outcomes: a Result to return or a Throwable to throw. */
    static final class ScriptedReconciler implements Reconciler {
        final Deque<Object> script = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        final List<AsymException> terminal = new ArrayList<>();

        @Override
        public String kind() {
            return "clone";
        }

        @Override
        public Result reconcile(String name) throws Exception {
            calls.add(name);
            Object next = script.isEmpty() ? Result.done() : script.removeFirst();
            if (next instanceof Exception e) {
                throw e;
            }
            if (next instanceof Error e) {
                throw e;
            }
            return (Result) next;
        }

        @Override
        public void recordTerminal(String name, AsymException error) {
            terminal.add(error);
        }
    }

    private final FakeDelayer delayer = new FakeDelayer();
    private final WorkQueue queue = new WorkQueue(delayer, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30)));
    private final ScriptedReconciler reconciler = new ScriptedReconciler();
    private final List<Engine.Outcome> outcomes = new ArrayList<>();
    private final Engine engine = new Engine(List.of(reconciler), queue, 1, (k, o, t, e) -> outcomes.add(o));

    @Test
    void successResetsBackoffAndDoesNotRequeue() {
        queue.addRateLimited("clone/a");
        reconciler.script.add(Result.done());
        assertEquals(Engine.Outcome.DONE, engine.handle("clone/a"));
        queue.addRateLimited("clone/a");
        assertEquals(Duration.ofMillis(100), delayer.delays.get(1), "backoff starts over after a success");
        assertEquals(0, queue.length());
    }

    @Test
    void requeueAfterAddsTheKeyBackAfterTheDelay() {
        reconciler.script.add(Result.requeueAfter(Duration.ofMillis(250)));
        assertEquals(Engine.Outcome.REQUEUE, engine.handle("clone/a"));
        assertEquals(0, queue.length());
        delayer.advance(Duration.ofMillis(250));
        assertEquals(1, queue.length());
    }

    @Test
    void errorRequeuesWithGrowingBackoff() {
        reconciler.script.add(new IllegalStateException("docker hiccup"));
        reconciler.script.add(new IllegalStateException("docker hiccup"));
        assertEquals(Engine.Outcome.FAILED, engine.handle("clone/a"));
        assertEquals(Engine.Outcome.FAILED, engine.handle("clone/a"));
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), delayer.delays);
    }

    @Test
    void dockerUnavailableIsRetriedNotTerminal() {
        reconciler.script.add(AsymException.dockerUnavailable("unix:///x", null));
        assertEquals(Engine.Outcome.FAILED, engine.handle("clone/a"));
        assertTrue(reconciler.terminal.isEmpty());
        assertEquals(1, delayer.delays.size());
    }

    @Test
    void terminalErrorIsRecordedAndNotRequeued() {
        reconciler.script.add(new AsymException(ErrorCode.PORT_IN_USE, "port taken"));
        assertEquals(Engine.Outcome.TERMINAL, engine.handle("clone/a"));
        assertEquals(ErrorCode.PORT_IN_USE, reconciler.terminal.get(0).code());
        assertTrue(delayer.delays.isEmpty());
        assertEquals(0, queue.length());
    }

    @Test
    void unknownKindIsIgnored() {
        assertEquals(Engine.Outcome.DONE, engine.handle("nothing/x"));
        assertTrue(reconciler.calls.isEmpty());
    }

    @Test
    void workerSurvivesAnyThrowable() throws Exception {
        reconciler.script.add(new AssertionError("boom"));
        queue.add("clone/a");
        assertTrue(engine.processNext());
        assertEquals(List.of(Engine.Outcome.FAILED), outcomes);
    }

    @Test
    void passesAreRecordedForWaiters() {
        engine.handle("clone/a");
        assertTrue(engine.lastPass("clone/a") != null);
    }
}
