package dev.trajectory.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so durations and timeouts are exact without sleeping. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** Starts at 2026-11-21T10:00:00Z. */
    public MutableClock() {
        this(Instant.parse("2026-11-21T10:00:00Z"));
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
