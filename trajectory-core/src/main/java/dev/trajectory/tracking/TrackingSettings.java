package dev.trajectory.tracking;

import java.time.Duration;

/**
 * How the tracking pipeline queues and flushes.
 *
 * @param maxQueueSize    most events waiting to be sent; further events are dropped and counted
 * @param flushAt         number of queued events that triggers a flush
 * @param flushInterval   longest time an event waits before a flush
 * @param shutdownTimeout longest time a shutdown (and a plain {@code flush()}) waits for delivery
 * @param sessionTimeout  inactivity after which a user's generated session id rotates
 * @param maxSessions     most users whose generated sessions are remembered; the least recently active are forgotten
 * @param maxRequestsInFlight most batches being sent at once: while the backend handles one request the worker
 *                        already serialises and compresses the next
 */
public record TrackingSettings(int maxQueueSize, int flushAt, Duration flushInterval, Duration shutdownTimeout,
        Duration sessionTimeout, int maxSessions, int maxRequestsInFlight) {

    /** Batches sent at once unless configured: one being answered while the next is prepared. */
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 2;

    public TrackingSettings {
        requirePositive("maxQueueSize", maxQueueSize);
        requirePositive("flushAt", flushAt);
        requirePositive("maxSessions", maxSessions);
        requirePositive("maxRequestsInFlight", maxRequestsInFlight);
        requirePositive("flushInterval", flushInterval);
        requirePositive("shutdownTimeout", shutdownTimeout);
        requirePositive("sessionTimeout", sessionTimeout);
    }

    /** Settings with the default number of requests in flight. */
    public TrackingSettings(int maxQueueSize, int flushAt, Duration flushInterval, Duration shutdownTimeout,
            Duration sessionTimeout, int maxSessions) {
        this(maxQueueSize, flushAt, flushInterval, shutdownTimeout, sessionTimeout, maxSessions,
                DEFAULT_MAX_REQUESTS_IN_FLIGHT);
    }

    /**
     * 10000 queued events, a flush at 500 events or every 5 s, 10 s to shut down, 30 min sessions, two requests in
     * flight. Under load a request's fixed cost (headers, the HTTP client's machinery, the backend's answer) is
     * shared by about {@code flushAt} events, so with 500 (OpenTelemetry sends 512) each event carries a fifth of
     * the share it carried with 100; when events are few, {@code flushInterval} bounds their wait either way.
     */
    public static TrackingSettings defaults() {
        return new TrackingSettings(10_000, 500, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(30),
                10_000);
    }

    /** These settings with another limit on requests in flight. */
    public TrackingSettings withMaxRequestsInFlight(int requests) {
        return new TrackingSettings(maxQueueSize, flushAt, flushInterval, shutdownTimeout, sessionTimeout, maxSessions,
                requests);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0 but was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was " + value);
        }
    }
}
