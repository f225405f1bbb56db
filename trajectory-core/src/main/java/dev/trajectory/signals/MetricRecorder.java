package dev.trajectory.signals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records application metrics in the application's {@link MeterRegistry}, so they are exported wherever the
 * application exports (Prometheus, OTLP, …). Never throws: a meter the registry refuses is logged at debug level.
 */
public final class MetricRecorder {

    private static final Logger logger = LoggerFactory.getLogger(MetricRecorder.class);

    /** Most distinct gauges held; each holds its latest value. */
    static final int MAX_GAUGES = 1000;

    private final MeterRegistry registry;

    private final SignalCounts counts;

    private final Map<Meter.Id, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    public MetricRecorder(MeterRegistry registry, SignalCounts counts) {
        this.registry = registry;
        this.counts = counts;
    }

    public void incrementCounter(String name, double value, Map<String, ? extends @Nullable Object> attributes) {
        safely(name, () -> Counter.builder(name).tags(Attributes.tags(attributes)).register(registry).increment(value));
    }

    /** Sets the gauge to the value; it reports the latest value set. */
    public void recordGauge(String name, double value, Map<String, ? extends @Nullable Object> attributes) {
        safely(name, () -> {
            List<Tag> tags = Attributes.tags(attributes);
            Meter.Id id = new Meter.Id(name, Tags.of(tags), null, null,
                    Meter.Type.GAUGE);
            AtomicReference<Double> holder = gauges.get(id);
            if (holder == null) {
                if (gauges.size() >= MAX_GAUGES) {
                    logger.debug("Not recording gauge {}: {} gauges are already held", name, MAX_GAUGES);
                    return;
                }
                holder = gauges.computeIfAbsent(id, key -> {
                    AtomicReference<Double> created = new AtomicReference<>(value);
                    Gauge.builder(name, created, AtomicReference::get).tags(tags).register(registry);
                    return created;
                });
            }
            holder.set(value);
        });
    }

    public void recordHistogram(String name, double value, @Nullable String unit,
            Map<String, ? extends @Nullable Object> attributes) {
        safely(name, () -> DistributionSummary.builder(name).baseUnit(unit).tags(Attributes.tags(attributes))
                .register(registry).record(value));
    }

    public void recordMetric(String name, double value, MetricType type, @Nullable String unit,
            Map<String, ? extends @Nullable Object> attributes) {
        switch (type) {
            case COUNTER -> incrementCounter(name, value, attributes);
            case GAUGE -> recordGauge(name, value, attributes);
            case HISTOGRAM -> recordHistogram(name, value, unit, attributes);
        }
    }

    private void safely(String name, Runnable recording) {
        try {
            recording.run();
            counts.metricRecorded();
        }
        catch (RuntimeException ex) {
            logger.debug("Could not record metric {}: {}", name, ex.toString());
        }
    }
}
