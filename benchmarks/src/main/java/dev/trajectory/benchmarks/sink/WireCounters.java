package dev.trajectory.benchmarks.sink;

import java.util.concurrent.atomic.AtomicLong;

/** What the sink has received: events acknowledged, requests, and request body bytes as sent on the wire. */
public final class WireCounters {

    private final AtomicLong events = new AtomicLong();

    private final AtomicLong requests = new AtomicLong();

    private final AtomicLong bodyBytes = new AtomicLong();

    void received(long eventCount, long wireBytes) {
        bodyBytes.addAndGet(wireBytes);
        requests.incrementAndGet();
        events.addAndGet(eventCount);
    }

    public long events() {
        return events.get();
    }

    public long requests() {
        return requests.get();
    }

    /** Request bodies as they crossed the wire (compressed when the SDK compresses); headers not included. */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    public void reset() {
        events.set(0);
        requests.set(0);
        bodyBytes.set(0);
    }
}
