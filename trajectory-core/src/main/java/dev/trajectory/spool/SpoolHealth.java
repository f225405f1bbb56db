package dev.trajectory.spool;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The spool's state, for a health indicator or the log.
 *
 * @param status    whether the spool works
 * @param detail    what is wrong when it does not, or a summary when it does
 * @param directory the spool folder, when one is configured
 * @param bytes     bytes in the segment files
 * @param records   records in the segment files
 * @param corrupt   damaged records skipped by replays so far
 */
public record SpoolHealth(Status status, String detail, @Nullable Path directory, long bytes, long records,
        long corrupt) {

    /** Whether undeliverable events are kept. */
    public enum Status {

        /** Undeliverable events go to disk and are replayed. */
        UP,

        /** The spool folder cannot be used; events are kept in memory only and lost if undeliverable. */
        DEGRADED,

        /** No spool is configured. */
        OFF
    }

    /** The health of a client without a spool. */
    public static SpoolHealth off() {
        return new SpoolHealth(Status.OFF, "no disk spool is configured", null, 0, 0, 0);
    }
}
