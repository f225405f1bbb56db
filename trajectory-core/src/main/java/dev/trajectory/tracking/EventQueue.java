package dev.trajectory.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trajectory.event.TelemetryEvent;

/**
 * A bounded, lock-free multi-producer queue: a lock-free linked queue with a separate atomic count that is
 * reserved before an event goes in, so the bound holds however many threads offer at once.
 */
final class EventQueue {

    private final ConcurrentLinkedQueue<TelemetryEvent> events = new ConcurrentLinkedQueue<>();

    private final AtomicInteger size = new AtomicInteger();

    private final int capacity;

    EventQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the event unless the queue is full; returns the new size, or -1 when it was full. */
    int offer(TelemetryEvent event) {
        if (size.get() >= capacity) {
            // Read first: while the queue stays full, callers only share the count's cache line instead of all
            // writing to it.
            return -1;
        }
        int reserved = size.incrementAndGet();
        if (reserved > capacity) {
            size.decrementAndGet();
            return -1;
        }
        events.offer(event);
        return reserved;
    }

    /** Takes up to {@code max} events, oldest first. */
    List<TelemetryEvent> drain(int max) {
        List<TelemetryEvent> batch = new ArrayList<>(Math.min(max, Math.max(size.get(), 1)));
        TelemetryEvent event;
        while (batch.size() < max && (event = events.poll()) != null) {
            batch.add(event);
        }
        size.addAndGet(-batch.size());
        return batch;
    }

    int size() {
        return size.get();
    }

    boolean isEmpty() {
        return size.get() == 0;
    }
}
