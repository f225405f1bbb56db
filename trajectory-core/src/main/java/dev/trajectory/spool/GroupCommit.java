package dev.trajectory.spool;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces appended records to the storage device on one daemon thread, every interval or sooner when woken because
 * enough bytes are waiting: one force covers every append since the last, so callers never wait for one.
 */
final class GroupCommit {

    private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

    private final SegmentLog log;

    private final long intervalNanos;

    private final Thread thread;

    private volatile boolean closed;

    GroupCommit(SegmentLog log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "trajectory-spool-sync");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Forces now rather than at the end of the interval. */
    void wake() {
        LockSupport.unpark(thread);
    }

    void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(this, intervalNanos);
            try {
                log.sync();
            }
            catch (IOException | RuntimeException ex) {
                logger.warn("Could not force the Trajectory spool to disk: {}", ex.toString());
            }
        }
    }
}
