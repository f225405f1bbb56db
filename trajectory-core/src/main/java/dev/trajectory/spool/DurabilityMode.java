package dev.trajectory.spool;

/** What the spool writes to disk. */
public enum DurabilityMode {

    /** Only events that could not be delivered: retries exhausted, queue full, still queued at shutdown. */
    ON_FAILURE,

    /** Every accepted event, before {@code track()} returns; a crash loses nothing already written. */
    WRITE_AHEAD
}
