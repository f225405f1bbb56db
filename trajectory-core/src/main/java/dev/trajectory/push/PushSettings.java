package dev.trajectory.push;

import java.time.Duration;

/**
 * How the push service chunks and retries.
 *
 * @param chunkSize       most events per request
 * @param maxRetries      retries per request after the first attempt
 * @param maxRequestBytes most bytes of uncompressed JSON per request
 * @param maxEventBytes   most bytes of JSON per event; larger events are skipped as invalid
 * @param timeout         time allowed for one request, from sending to the whole answer
 * @param initialBackoff  wait before the first retry; doubled for each further one, with jitter
 * @param maxBackoff      longest wait between two attempts, also bounding a server's Retry-After
 * @param compression     how request bodies are encoded on the wire
 */
public record PushSettings(int chunkSize, int maxRetries, long maxRequestBytes, long maxEventBytes, Duration timeout,
        Duration initialBackoff, Duration maxBackoff, RequestCompression compression) {

    public static final int DEFAULT_CHUNK_SIZE = 1000;

    public static final int DEFAULT_MAX_RETRIES = 3;

    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    public static final long DEFAULT_MAX_EVENT_BYTES = 256L * 1024;

    public PushSettings {
        requirePositive("chunkSize", chunkSize);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
        }
        requirePositive("maxRequestBytes", maxRequestBytes);
        requirePositive("maxEventBytes", maxEventBytes);
        if (maxEventBytes > maxRequestBytes - EventChunk.ENVELOPE_BYTES) {
            throw new IllegalArgumentException("maxEventBytes (" + maxEventBytes
                    + ") must leave room in a request of maxRequestBytes (" + maxRequestBytes + ")");
        }
        requirePositive("timeout", timeout);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                    + initialBackoff + ")");
        }
        if (compression == null) {
            throw new IllegalArgumentException("compression must not be null");
        }
    }

    /** Settings with gzip-compressed requests. */
    public PushSettings(int chunkSize, int maxRetries, long maxRequestBytes, long maxEventBytes, Duration timeout,
            Duration initialBackoff, Duration maxBackoff) {
        this(chunkSize, maxRetries, maxRequestBytes, maxEventBytes, timeout, initialBackoff, maxBackoff,
                RequestCompression.GZIP);
    }

    /** These settings with another request compression. */
    public PushSettings withCompression(RequestCompression compression) {
        return new PushSettings(chunkSize, maxRetries, maxRequestBytes, maxEventBytes, timeout, initialBackoff,
                maxBackoff, compression);
    }

    /**
     * 1000 events or 4 MiB a request, 256 KiB an event, 3 retries from 500 ms up to 30 s, 10 s a request, gzip.
     */
    public static PushSettings defaults() {
        return new PushSettings(DEFAULT_CHUNK_SIZE, DEFAULT_MAX_RETRIES, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0 but was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was " + value);
        }
    }
}
