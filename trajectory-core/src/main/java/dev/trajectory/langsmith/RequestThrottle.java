package dev.trajectory.langsmith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces requests so that no window of the given length holds more than the given number of them (a sliding
 * window, as LangSmith counts). Callers reserve a slot and wait the returned time before sending; the waiting happens
 * outside, so the lock is held only for the arithmetic.
 */
final class RequestThrottle {

    private final int permits;

    private final Duration window;

    private final Clock clock;

    private final Deque<Instant> reserved = new ArrayDeque<>();

    private final ReentrantLock lock = new ReentrantLock();

    RequestThrottle(int permits, Duration window, Clock clock) {
        this.permits = permits;
        this.window = window;
        this.clock = clock;
    }

    /** Reserves the earliest slot that keeps within the limit and returns how long to wait for it. */
    Duration reserve() {
        lock.lock();
        try {
            Instant now = clock.instant();
            while (!reserved.isEmpty() && !reserved.peekFirst().isAfter(now.minus(window))) {
                reserved.pollFirst();
            }
            Instant slot = now;
            if (reserved.size() >= permits) {
                // The slot opens when the request `permits` places back leaves the window.
                Instant leaving = reserved.stream().skip(reserved.size() - permits).findFirst().orElseThrow();
                slot = max(now, leaving.plus(window));
            }
            reserved.addLast(slot);
            return Duration.between(now, slot);
        }
        finally {
            lock.unlock();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
