package dev.trajectory.benchmarks;

import java.time.Duration;

import dev.trajectory.benchmarks.sdk.TrackedSdk;
import dev.trajectory.benchmarks.sink.LoopbackSink;

/** Bounded waits at the end of a trial, so an SDK with a huge backlog cannot stall the run. */
final class Settling {

    private static final long QUIET_MILLIS = 500;

    private Settling() {
    }

    /** Waits until the sink has seen no new event for half a second, at most {@code timeout}. */
    static void awaitQuiet(LoopbackSink sink, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() - deadline < 0) {
            long now = sink.counters().events();
            if (now == seen) {
                return;
            }
            seen = now;
            Thread.sleep(QUIET_MILLIS);
        }
    }

    /**
     * Ends a benchmark's use of an SDK and its sink: logs what the sink counted (see {@link ResultLog}), closes the
     * SDK within {@code timeout}, then the sink.
     */
    static void finish(String benchmark, Object sdkName, EventShape shape, long calls, TrackedSdk sdk,
            LoopbackSink sink, Duration timeout) throws InterruptedException {
        ResultLog.append(benchmark, sdkName, shape, calls, sink.counters());
        closeWithin(sdk, timeout);
        sink.close();
    }

    /** Closes the SDK on a daemon thread and waits at most {@code timeout} for it. */
    static void closeWithin(TrackedSdk sdk, Duration timeout) throws InterruptedException {
        Thread closer = new Thread(sdk::close, "benchmark-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(timeout.toMillis());
    }
}
