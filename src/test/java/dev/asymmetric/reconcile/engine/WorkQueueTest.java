package dev.asymmetric.reconcile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private final FakeDelayer delayer = new FakeDelayer();
    private final WorkQueue queue = new WorkQueue(delayer, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)));

    @Test
    void severalAddsBeforeTakeCollapseIntoOne() throws Exception {
        queue.add("clone/a");
        queue.add("clone/a");
        queue.add("clone/a");
        assertEquals(1, queue.length());
        assertEquals("clone/a", queue.get());
        queue.done("clone/a");
        assertEquals(0, queue.length());
    }

    @Test
    void keyIsNeverHandedToTwoWorkersAtOnce() throws Exception {
        queue.add("clone/a");
        String first = queue.get();
        queue.add("clone/a");
        assertEquals(0, queue.length(), "a key being processed is not queued again yet");
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.get();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertEquals(false, second.isDone(), "the second worker must wait while the first holds the key");
        queue.done(first);
        assertEquals("clone/a", second.get(2, TimeUnit.SECONDS));
    }

    @Test
    void addWhileProcessingRunsExactlyOnceMore() throws Exception {
        queue.add("env/acme");
        String key = queue.get();
        queue.add("env/acme");
        queue.add("env/acme");
        queue.done(key);
        assertEquals(1, queue.length());
        queue.done(queue.get());
        assertEquals(0, queue.length());
    }

    @Test
    void distinctKeysKeepTheirOrder() throws Exception {
        queue.add("a");
        queue.add("b");
        queue.add("a");
        assertEquals("a", queue.get());
        assertEquals("b", queue.get());
    }

    @Test
    void rateLimitedAddsBackOffExponentiallyUpToTheCap() {
        for (int i = 0; i < 8; i++) {
            queue.addRateLimited("clone/x");
        }
        assertEquals(Duration.ofMillis(100), delayer.delays.get(0));
        assertEquals(Duration.ofMillis(200), delayer.delays.get(1));
        assertEquals(Duration.ofMillis(400), delayer.delays.get(2));
        assertEquals(Duration.ofSeconds(5), delayer.delays.get(7));
    }

    @Test
    void forgetResetsTheBackoff() {
        queue.addRateLimited("k");
        queue.addRateLimited("k");
        queue.forget("k");
        queue.addRateLimited("k");
        assertEquals(Duration.ofMillis(100), delayer.delays.get(2));
    }

    @Test
    void delayedAddArrivesOnlyWhenItsTimeComes() {
        queue.addAfter("k", Duration.ofSeconds(1));
        assertEquals(0, queue.length());
        delayer.advance(Duration.ofMillis(999));
        assertEquals(0, queue.length());
        delayer.advance(Duration.ofMillis(1));
        assertEquals(1, queue.length());
    }

    @Test
    void shutDownReleasesWaitingWorkers() throws Exception {
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.get();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(20);
        queue.shutDown();
        assertNull(waiting.get(2, TimeUnit.SECONDS));
    }
}
