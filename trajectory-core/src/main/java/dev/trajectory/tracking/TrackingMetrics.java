package dev.trajectory.tracking;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's own counts, always kept in memory for reports and, when a {@link MeterRegistry} is given, also
 * published as {@code trajectory.events.enqueued}, {@code trajectory.events.sent},
 * {@code trajectory.events.dropped{reason}}, {@code trajectory.events.spooled}, {@code trajectory.queue.size},
 * {@code trajectory.push.duration} and {@code trajectory.push.retries}.
 * <p>
 * Every event {@code track()} accepts is counted once as sent, dropped (with a reason) or spooled. A spooled event
 * is neither delivered nor lost yet: the spool's own counts ({@code trajectory.spool.*}) say what its replay made of
 * it, and an eviction from a full spool is counted here as dropped with reason {@code spool_full}.
 */
public final class TrackingMetrics {

    // Counted on the callers' threads, so adders: no cache line bounced between threads tracking at once.
    private final LongAdder enqueued = new LongAdder();

    private final AtomicLong sent = new AtomicLong();

    private final AtomicLong retries = new AtomicLong();

    private volatile boolean credentialsRejected;

    private final AtomicLong spooled = new AtomicLong();

    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    private final @Nullable MeterRegistry registry;

    private final @Nullable Counter enqueuedCounter;

    private final @Nullable Counter sentCounter;

    private final @Nullable Counter retriesCounter;

    private final @Nullable Counter spooledCounter;

    private final Map<DropReason, Counter> droppedCounters = new EnumMap<>(DropReason.class);

    private final @Nullable Timer pushTimer;

    public TrackingMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
        if (registry == null) {
            enqueuedCounter = null;
            sentCounter = null;
            retriesCounter = null;
            spooledCounter = null;
            pushTimer = null;
            return;
        }
        enqueuedCounter = Counter.builder("trajectory.events.enqueued").description("Events accepted by track()")
                .register(registry);
        sentCounter = Counter.builder("trajectory.events.sent").description("Events the backend holds")
                .register(registry);
        retriesCounter = Counter.builder("trajectory.push.retries").description("Retried ingest requests")
                .register(registry);
        spooledCounter = Counter.builder("trajectory.events.spooled")
                .description("Events kept in the disk spool for a later replay instead of being delivered")
                .register(registry);
        for (DropReason reason : DropReason.values()) {
            droppedCounters.put(reason, Counter.builder("trajectory.events.dropped").tag("reason", reason.tag())
                    .description("Events not delivered, by reason").register(registry));
        }
        pushTimer = Timer.builder("trajectory.push.duration").description("Time to push one batch, retries included")
                .register(registry);
    }

    /** Publishes the queue's size as the {@code trajectory.queue.size} gauge. */
    void bindQueueSize(Supplier<Number> size) {
        if (registry != null) {
            Gauge.builder("trajectory.queue.size", size).description("Events waiting to be sent").register(registry);
        }
    }

    void enqueued() {
        enqueued.increment();
        if (enqueuedCounter != null) {
            enqueuedCounter.increment();
        }
    }

    void sent(long count) {
        sent.addAndGet(count);
        if (sentCounter != null) {
            sentCounter.increment(count);
        }
    }

    /** Counts events that were not delivered and will not be; used by the pipeline and by a full spool. */
    public void dropped(DropReason reason, long count) {
        dropped.get(reason).add(count);
        Counter counter = droppedCounters.get(reason);
        if (counter != null) {
            counter.increment(count);
        }
    }

    void spooled(long count) {
        spooled.addAndGet(count);
        if (spooledCounter != null) {
            spooledCounter.increment(count);
        }
    }

    /** Counts one retried request. */
    public void retried() {
        retries.incrementAndGet();
        if (retriesCounter != null) {
            retriesCounter.increment();
        }
    }

    void pushed(Duration took) {
        if (pushTimer != null) {
            pushTimer.record(took.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void credentialsRejected() {
        credentialsRejected = true;
    }

    /** Whether the backend has refused the API key. */
    public boolean isCredentialsRejected() {
        return credentialsRejected;
    }

    public long enqueuedCount() {
        return enqueued.sum();
    }

    public long sentCount() {
        return sent.get();
    }

    /** Events kept in the disk spool for a later replay. */
    public long spooledCount() {
        return spooled.get();
    }

    public long retriedCount() {
        return retries.get();
    }

    public long droppedCount(DropReason reason) {
        return dropped.get(reason).sum();
    }

    /** Drops of every reason added together. */
    public long droppedCount() {
        return dropped.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
