package dev.trajectory.signals;

import java.util.concurrent.atomic.AtomicLong;

/** How many metrics, log records and spans the client has recorded, for its status. */
public final class SignalCounts {

    private final AtomicLong metrics = new AtomicLong();

    private final AtomicLong logs = new AtomicLong();

    private final AtomicLong spans = new AtomicLong();

    void metricRecorded() {
        metrics.incrementAndGet();
    }

    void logRecorded() {
        logs.incrementAndGet();
    }

    void spanEnded() {
        spans.incrementAndGet();
    }

    public long metrics() {
        return metrics.get();
    }

    public long logs() {
        return logs.get();
    }

    public long spans() {
        return spans.get();
    }
}
