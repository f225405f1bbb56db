package dev.trajectory.tracking;

/**
 * What became of the tracked events by the end of a shutdown, counted since the client started.
 *
 * @param delivered events the backend holds (accepted or recognised as duplicates)
 * @param failed    events the backend refused or that could not be delivered after retries
 * @param dropped   events dropped on the client: queue full or invalid
 * @param pending   events still queued or in flight when the deadline passed; they are lost
 * @param spooled   events kept in the disk spool instead of being delivered; a replay delivers them later
 */
public record ShutdownReport(long delivered, long failed, long dropped, long pending, long spooled) {

    /** A report of a client without a disk spool. */
    public ShutdownReport(long delivered, long failed, long dropped, long pending) {
        this(delivered, failed, dropped, pending, 0);
    }
}
