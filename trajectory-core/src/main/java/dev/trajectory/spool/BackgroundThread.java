package dev.trajectory.spool;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that repeats one step until closed, parking between steps that found nothing to do; the spool's
 * syncing and replaying threads.
 */
final class BackgroundThread {

    /** One round of work; whether it did something, so the next round can follow without a pause. */
    @FunctionalInterface
    interface Step {

        boolean run();
    }

    private static final long JOIN_MILLIS = 2_000;

    private final Thread thread;

    private final long pauseNanos;

    private volatile boolean closed;

    BackgroundThread(String name, Duration pause, Step step) {
        this.pauseNanos = pause.toNanos();
        this.thread = new Thread(() -> {
            while (!closed) {
                if (!step.run()) {
                    LockSupport.parkNanos(this, pauseNanos);
                }
            }
        }, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Ends the pause now. */
    void wake() {
        LockSupport.unpark(thread);
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops after the current step, waiting for it at most two seconds. */
    void close() {
        close(() -> {
        });
    }

    /** Stops, running {@code cutShort} once no new step will start, to end the current one early. */
    void close(Runnable cutShort) {
        closed = true;
        cutShort.run();
        LockSupport.unpark(thread);
        try {
            thread.join(JOIN_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
