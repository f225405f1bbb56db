package dev.trajectory.spool;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The spool's counts, kept in memory and, with a {@link MeterRegistry}, published as {@code trajectory.spool.bytes}
 * and {@code trajectory.spool.records} (gauges), {@code trajectory.spool.appended}, {@code trajectory.spool.replayed},
 * {@code trajectory.spool.rejected} and {@code trajectory.spool.corrupt}. Evictions are reported to the given
 * consumer, which the client counts as {@code trajectory.events.dropped{reason=spool_full}}.
 */
public final class SpoolMetrics {

    private final @Nullable MeterRegistry registry;

    private final LongConsumer evictedListener;

    private final Count appended;

    private final Count replayed;

    private final Count rejected;

    private final Count corrupt;

    private final AtomicLong evicted = new AtomicLong();

    public SpoolMetrics(@Nullable MeterRegistry registry, LongConsumer evictedListener) {
        this.registry = registry;
        this.evictedListener = evictedListener;
        this.appended = new Count(registry, "trajectory.spool.appended", "Events written to the disk spool");
        this.replayed = new Count(registry, "trajectory.spool.replayed",
                "Events from the disk spool that the backend holds after a replay");
        this.rejected = new Count(registry, "trajectory.spool.rejected",
                "Events from the disk spool that the backend refused during a replay");
        this.corrupt = new Count(registry, "trajectory.spool.corrupt",
                "Damaged spool records skipped during a replay");
    }

    /** Metrics that publish nothing and ignore evictions, for tests and tools. */
    public static SpoolMetrics inMemory() {
        return new SpoolMetrics(null, count -> {
        });
    }

    void bindSize(Supplier<Number> bytes, Supplier<Number> records) {
        if (registry != null) {
            Gauge.builder("trajectory.spool.bytes", bytes).baseUnit("bytes")
                    .description("Bytes in the disk spool's segment files").register(registry);
            Gauge.builder("trajectory.spool.records", records)
                    .description("Records in the disk spool's segment files").register(registry);
        }
    }

    void appended(long count) {
        appended.add(count);
    }

    void replayed(long count) {
        replayed.add(count);
    }

    void rejected(long count) {
        rejected.add(count);
    }

    void corrupt(long count) {
        corrupt.add(count);
    }

    void evicted(long count) {
        evicted.addAndGet(count);
        evictedListener.accept(count);
    }

    public long appendedCount() {
        return appended.value();
    }

    public long replayedCount() {
        return replayed.value();
    }

    public long rejectedCount() {
        return rejected.value();
    }

    public long corruptCount() {
        return corrupt.value();
    }

    public long evictedCount() {
        return evicted.get();
    }

    /** A count kept in memory and mirrored to a counter when a registry is given. */
    private static final class Count {

        private final AtomicLong value = new AtomicLong();

        private final @Nullable Counter counter;

        Count(@Nullable MeterRegistry registry, String name, String description) {
            this.counter = registry == null ? null : Counter.builder(name).description(description).register(registry);
        }

        void add(long count) {
            if (count <= 0) {
                return;
            }
            value.addAndGet(count);
            if (counter != null) {
                counter.increment(count);
            }
        }

        long value() {
            return value.get();
        }
    }
}
