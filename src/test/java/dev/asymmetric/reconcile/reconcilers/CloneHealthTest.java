package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.testing.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up as the clone reconciler judges it, on a fake clock: pending, timed out, ended, or the engine gone. */
class CloneHealthTest {
    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    @Test
    void aContainerThatEndsDuringStartupFailsTheCloneAtOnceWithItsLastLogLines() {
        home.provider.script("test/worker:1").endsDuringStartup(3, "reading /etc/worker.conf", "fatal: no queue configured");
        Clone c = home.spin("duo");

        assertTrue(home.pass(c.id()).requeued(), "the first pass sees a container it has not recorded yet");
        TestHome.Pass p = home.pass(c.id());

        assertEquals(ErrorCode.CLONE_START_FAILED, p.failure().code());
        assertEquals("service worker exited with code 3 during start-up. Fix the template's image or command, then:"
                + " asymmetric reset " + c.id() + ". Last log lines:\n    reading /etc/worker.conf\n"
                + "    fatal: no queue configured", p.failure().getMessage());
        Clone failed = home.clone(c.id());
        assertEquals(States.FAILED, failed.status().state());
        assertEquals("CLONE_START_FAILED", failed.status().errorCode());
        assertEquals(FakeClock.START, home.clock.instant(), "no time had to pass: no health timeout was waited out");
    }

    @Test
    void aStartThatEndedIsNotRetriedOnLaterPassesUntilStartOrReset() {
        home.provider.script("test/worker:1").endsDuringStartup(3, "fatal");
        Clone c = home.spin("duo");
        home.pass(c.id());
        home.pass(c.id());
        home.provider.forgetCalls();

        for (int i = 0; i < 3; i++) {
            assertEquals(Result.done(), home.pass(c.id()).result());
        }
        assertEquals(List.of(), home.provider.actions());

        home.edit(c.id(), s -> s.retried());
        home.pass(c.id());
        assertEquals(List.of(TestHome.name(c.id(), "worker")), home.provider.names("create"), "start retries it");

        home.pass(c.id());
        home.provider.forgetCalls();
        home.edit(c.id(), s -> s.reset(false));
        home.pass(c.id());
        assertTrue(home.provider.names("create").contains(TestHome.name(c.id(), "worker")), "reset retries it");
    }

    @Test
    void pendingHealthRequeuesWithAGapThatGrowsToHalfASecond() {
        home.provider.script("test/api:1").neverReady();
        Clone c = home.spin("duo");

        assertEquals(Duration.ofMillis(50), home.pass(c.id()).gap());
        home.clock.advance(Duration.ofMillis(400));
        assertEquals(Duration.ofMillis(100), home.pass(c.id()).gap());
        home.clock.advance(Duration.ofMillis(1600));
        assertEquals(Duration.ofMillis(500), home.pass(c.id()).gap());
        home.clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ofMillis(500), home.pass(c.id()).gap());

        Clone waiting = home.clone(c.id());
        assertEquals(States.STARTING, waiting.status().state());
        assertEquals("waiting for health", waiting.status().message());
        assertEquals(FakeClock.START, waiting.status().startedAt(), "the wait is measured from the first start");
        assertEquals(List.of(TestHome.name(c.id(), "api"), TestHome.name(c.id(), "worker")), home.provider.names("create"),
                "waiting creates nothing more");
    }

    @Test
    void pastTheTimeoutTheCloneFailsWithHealthTimeoutOnceAndRecoversWhenItAnswers() {
        home.provider.script("test/api:1").neverReady();
        Clone c = home.spin("duo");
        home.pass(c.id());
        home.clock.advance(Duration.ofSeconds(89));
        assertTrue(home.pass(c.id()).requeued());
        assertEquals(States.STARTING, home.clone(c.id()).status().state(), "the longest timeout (the worker's 90s) decides");

        home.clock.advance(Duration.ofSeconds(2));
        TestHome.Pass timedOut = home.pass(c.id());

        assertEquals(Duration.ofSeconds(10), timedOut.gap(), "rechecked every 10 s");
        Clone failed = home.clone(c.id());
        assertEquals(States.FAILED, failed.status().state());
        assertEquals("HEALTH_TIMEOUT", failed.status().errorCode());
        assertEquals("api (GET /health on port " + c.spec().ports().get("api") + ") not healthy within 90s; see"
                + " `asymmetric logs " + c.id() + "`", failed.status().message());
        home.clock.advance(Duration.ofSeconds(10));
        home.pass(c.id());
        assertEquals(1, home.reasons(c.key()).stream().filter("HealthTimeout"::equals).count(), "one event, not one per check");

        home.provider.script("test/api:1").readyNow();
        home.clock.advance(Duration.ofSeconds(10));
        assertEquals(Result.done(), home.pass(c.id()).result());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void anEngineThatIsGoneFailsThePassToBeRetriedAndRecordsNothing() {
        Clone c = home.spin("duo");
        home.actual.all();
        home.provider.unavailable(true);

        AsymException e = assertThrows(AsymException.class, () -> home.pass(c.id()));

        assertEquals(ErrorCode.DOCKER_UNAVAILABLE, e.code());
        assertFalse(Reconciler.terminal(e), "retried with backoff, not recorded as the clone's failure");
        assertEquals(States.PENDING, home.clone(c.id()).status().state());

        home.provider.unavailable(false);
        home.actual.invalidate();
        home.settle(c.id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }
}
