package dev.trajectory.spool;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the disk spool stores and replays events.
 *
 * @param directory      folder of the segment files
 * @param maxBytes       most bytes of all segment files together; beyond it the oldest segment is evicted
 * @param segmentBytes   size at which the segment being written is closed and a new one started
 * @param durability     what is written: only what could not be delivered, or every accepted event
 * @param fsyncInterval  longest time written records wait before they are forced to the storage device
 * @param fsyncBytes     number of unforced bytes that triggers a force before the interval has passed
 * @param replayInterval wait between two replay attempts while the backend is failing, and between looks for work
 * @param replayLocal    whether events written in local mode are delivered once an API key is set
 */
public record SpoolSettings(Path directory, long maxBytes, long segmentBytes, DurabilityMode durability,
        Duration fsyncInterval, long fsyncBytes, Duration replayInterval, boolean replayLocal) {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    public static final long DEFAULT_FSYNC_BYTES = 1024L * 1024;

    private static final long MIN_SEGMENT_BYTES = 4L * 1024;

    private static final long MAX_SEGMENT_BYTES = 16L * 1024 * 1024;

    public SpoolSettings {
        requirePositive("maxBytes", maxBytes);
        requirePositive("segmentBytes", segmentBytes);
        requirePositive("fsyncBytes", fsyncBytes);
        if (segmentBytes > maxBytes) {
            throw new IllegalArgumentException("segmentBytes (" + segmentBytes + ") must not exceed maxBytes ("
                    + maxBytes + ")");
        }
        requirePositive("fsyncInterval", fsyncInterval);
        requirePositive("replayInterval", replayInterval);
    }

    /** 256 MiB in segments of 16 MiB, on-failure, a force every second or 1 MiB, replay every 10 s, local replay on. */
    public static SpoolSettings defaults(Path directory) {
        return new SpoolSettings(directory, DEFAULT_MAX_BYTES, segmentBytesFor(DEFAULT_MAX_BYTES),
                DurabilityMode.ON_FAILURE, Duration.ofSeconds(1), DEFAULT_FSYNC_BYTES, Duration.ofSeconds(10), true);
    }

    /** An eighth of the spool, between 4 KiB and 16 MiB, so eviction gives up a small part of it at a time. */
    public static long segmentBytesFor(long maxBytes) {
        return Math.min(maxBytes, Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, maxBytes / 8)));
    }

    public SpoolSettings withDurability(DurabilityMode durability) {
        return new SpoolSettings(directory, maxBytes, segmentBytes, durability, fsyncInterval, fsyncBytes,
                replayInterval, replayLocal);
    }

    public SpoolSettings withMaxBytes(long maxBytes, long segmentBytes) {
        return new SpoolSettings(directory, maxBytes, segmentBytes, durability, fsyncInterval, fsyncBytes,
                replayInterval, replayLocal);
    }

    public SpoolSettings withReplayInterval(Duration replayInterval) {
        return new SpoolSettings(directory, maxBytes, segmentBytes, durability, fsyncInterval, fsyncBytes,
                replayInterval, replayLocal);
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
