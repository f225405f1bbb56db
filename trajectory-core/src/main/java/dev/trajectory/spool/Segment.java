package dev.trajectory.spool;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One segment file and what the spool knows about it. All fields are guarded by the {@link SegmentLog}'s lock,
 * except {@link #replayOffset}, which only the replayer touches while it holds the segment.
 */
final class Segment {

    final long id;

    final Path path;

    /** Bytes in the file. */
    long bytes;

    /** Records in the file, damaged ones included. */
    long records;

    /** Records that still need a replay: spooled ones, and written-ahead ones whose live delivery failed. */
    long replayRecords;

    /** Written-ahead records whose live delivery has not finished yet. */
    long pendingLive;

    /** Whether no more records will be added. */
    boolean sealed;

    /** Whether the replayer is sending it. */
    boolean claimed;

    /** Where the replay goes on: everything before it was delivered. */
    volatile long replayOffset;

    /** Open for appending while this is the segment being written. */
    @Nullable FileChannel channel;

    Segment(long id, Path path) {
        this.id = id;
        this.path = path;
    }

    /** Whether nothing will change it any more: sealed and every live record resolved. */
    boolean isSettled() {
        return sealed && pendingLive == 0;
    }
}
