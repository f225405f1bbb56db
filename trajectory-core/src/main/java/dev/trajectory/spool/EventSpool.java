package dev.trajectory.spool;

import java.util.List;

import dev.trajectory.event.TelemetryEvent;

/**
 * Where the tracking pipeline keeps events it cannot deliver now. Every method is safe to call from any thread,
 * never throws and never waits for the network.
 */
public interface EventSpool {

    /** A spool that keeps nothing: undeliverable events are dropped and counted as before. */
    static EventSpool none() {
        return NoSpool.INSTANCE;
    }

    /**
     * Called on the caller's thread for each event {@code track()} accepts, before it is queued. In write-ahead mode
     * this appends the event to disk; otherwise it does nothing.
     */
    void accepted(TelemetryEvent event);

    /**
     * Keeps events that could not be delivered now (retries exhausted, queue full, still queued at shutdown) for a
     * later replay.
     *
     * @return how many of them are on disk; the rest are the caller's to count as dropped
     */
    int keep(List<TelemetryEvent> events);

    /** Events whose delivery is over (delivered, or refused for good): a written-ahead copy is no longer needed. */
    void resolved(List<TelemetryEvent> events);

    /**
     * Discards everything kept for a later replay, for a deletion request, so nothing recorded before it is sent
     * after it. Returns how many events were discarded.
     */
    default long purge() {
        return 0;
    }

    /** Whether {@link #keep} keeps anything: {@code false} without a spool or when its folder cannot be used. */
    default boolean keepsEvents() {
        return true;
    }

    /**
     * Whether every accepted event is already on disk ({@link #accepted} wrote it), so that keeping it later costs
     * no write.
     */
    default boolean writesAhead() {
        return false;
    }

    /** Whether the spool works, and how full it is. */
    SpoolHealth health();

    /** Forces what was written to disk and stops the background threads; the files stay for the next run. */
    void close();
}
