package dev.trajectory.tracking;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval, saying how many occurrences happened since the last line, so a
 * storm of drops costs one log line rather than one per event.
 */
final class RateLimitedWarning {

    private final Logger logger;

    private final long intervalNanos;

    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

    private final LongAdder suppressed = new LongAdder();

    RateLimitedWarning(Logger logger, java.time.Duration interval) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
    }

    /** Counts one occurrence and logs {@code message} with the count when the interval has passed. */
    void occurred(String message) {
        long now = System.nanoTime();
        long allowed = nextAllowed.get();
        if ((allowed == Long.MIN_VALUE || now - allowed >= 0) && nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
            long count = suppressed.sumThenReset() + 1;
            logger.warn("{} ({} time{} since the last warning)", message, count, count == 1 ? "" : "s");
        }
        else {
            suppressed.increment();
        }
    }
}
