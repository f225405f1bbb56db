package dev.trajectory.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.InvalidEventException;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.push.EncodedEvent;
import dev.trajectory.push.EventChunk;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.RequestCompression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the background worker does to a full chunk of 1000 events before the request: validate and serialise each
 * event (the push service's path), assemble the {@code {"events":[...]}} body and gzip it; and the two halves alone.
 * {@code serialiseAccentedOnly} serialises the same events with every {@code e} of their text written {@code é},
 * as in text that is not English. One operation is one chunk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class ChunkEncodingBenchmark {

    public static final int CHUNK_EVENTS = 1000;

    @Param({"SMALL", "LARGE"})
    public EventShape shape;

    private EventValidator validator;

    private List<TelemetryEvent> events;

    private List<TelemetryEvent> accentedEvents;

    private byte[] body;

    @Setup
    public void prepare() throws InvalidEventException {
        validator = new EventValidator(new EventJsonWriter(TrajectoryJson.mapper()),
                PushSettings.DEFAULT_MAX_EVENT_BYTES);
        events = new ArrayList<>(CHUNK_EVENTS);
        accentedEvents = new ArrayList<>(CHUNK_EVENTS);
        for (int i = 0; i < CHUNK_EVENTS; i++) {
            TelemetryEvent event = TelemetryEvent.builder(shape.eventType(), "session-" + i % 10)
                    .userId("user-" + i % 100)
                    .properties(shape.properties(i))
                    .build();
            events.add(event);
            accentedEvents.add(accented(event));
        }
        body = encode(events);
    }

    private static TelemetryEvent accented(TelemetryEvent event) {
        Map<String, Object> properties = new LinkedHashMap<>();
        event.properties().forEach((name, value) ->
                properties.put(name, value instanceof String text ? text.replace('e', 'é') : value));
        return event.toBuilder().properties(properties).build();
    }

    @Benchmark
    public byte[] serialiseAndGzip() throws InvalidEventException {
        return RequestCompression.gzip(encode(events));
    }

    @Benchmark
    public byte[] serialiseOnly() throws InvalidEventException {
        return encode(events);
    }

    @Benchmark
    public byte[] serialiseAccentedOnly() throws InvalidEventException {
        return encode(accentedEvents);
    }

    @Benchmark
    public byte[] gzipOnly() {
        return RequestCompression.gzip(body);
    }

    private byte[] encode(List<TelemetryEvent> events) throws InvalidEventException {
        List<EncodedEvent> encoded = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            TelemetryEvent event = events.get(i);
            encoded.add(new EncodedEvent(i, event.eventId(), validator.validate(event)));
        }
        return new EventChunk(encoded).body();
    }
}
