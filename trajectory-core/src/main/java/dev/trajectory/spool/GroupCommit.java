package dev.trajectory.spool;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces appended records to the storage device on one daemon thread, every interval or sooner when woken because
 * enough bytes are waiting: one force covers every append since the last, so callers never wait for one.
 */
final class GroupCommit {

    private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

    private final SegmentLog log;

    private final BackgroundThread thread;

    GroupCommit(SegmentLog log, Duration interval) {
        this.log = log;
        this.thread = new BackgroundThread("trajectory-spool-sync", interval, this::force);
    }

    void start() {
        thread.start();
    }

    /** Forces now rather than at the end of the interval. */
    void wake() {
        thread.wake();
    }

    void close() {
        thread.close();
    }

    private boolean force() {
        try {
            log.sync();
        }
        catch (IOException | RuntimeException ex) {
            logger.warn("Could not force the Trajectory spool to disk: {}", ex.toString());
        }
        return false;
    }
}
