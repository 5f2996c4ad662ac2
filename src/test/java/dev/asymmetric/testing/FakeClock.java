package dev.asymmetric.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when the test says so, so health timeouts, backoff gaps and timestamps are decided by
 * the test rather than by how fast the machine is. Clocks made by {@link #withZone} share its time.
 */
public final class FakeClock extends Clock {
    /** Where every fake clock starts unless told otherwise: far from the epoch, so "no time" never looks like it. */
    public static final Instant START = Instant.parse("2030-01-01T09:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public FakeClock() {
        this(START);
    }

    public FakeClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves time on by {@code d} (never back). */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + d);
        }
        now.updateAndGet(t -> t.plus(d));
    }

    /** The instant it shows now. */
    public Instant now() {
        return now.get();
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new FakeClock(now, other);
    }
}
