package dev.trajectory.benchmarks.memory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.trajectory.benchmarks.EventShape;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.InvalidEventException;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.tracking.TrackingSettings;

/**
 * Heap held per queued event: builds a client whose worker never flushes during the measurement (flush threshold
 * and interval out of reach, a base URL nothing listens on), tracks N events whose property values are fresh
 * objects each time (as a real caller's would be), and divides the growth of the live heap after full GCs by N.
 * Compares that with the average size of the same events as JSON. Appends one CSV line
 * ({@code shape,events,heapBytesPerEvent,jsonBytesPerEvent}) per run; one shape per JVM, since a previous
 * measurement's garbage in the same heap skews the next one. run.sh runs each shape three times and the report
 * takes the median.
 */
public final class QueuedEventMemory {

    private static final int SMALL_EVENTS = 200_000;

    private static final int LARGE_EVENTS = 20_000;

    private static final int JSON_SAMPLE = 1000;

    private QueuedEventMemory() {
    }

    /** Arguments: the shape ({@code SMALL} or {@code LARGE}) and the CSV file to append the result line to. */
    public static void main(String[] args) throws IOException, InvalidEventException {
        EventShape shape = EventShape.valueOf(args[0]);
        int events = shape == EventShape.SMALL ? SMALL_EVENTS : LARGE_EVENTS;
        double heapPerEvent = heapBytesPerQueuedEvent(shape, events);
        String line = String.format(Locale.ROOT, "%s,%d,%.0f,%.0f%n", shape, events, heapPerEvent,
                jsonBytesPerEvent(shape));
        Files.writeString(Path.of(args[1]), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }

    private static double heapBytesPerQueuedEvent(EventShape shape, int events) throws IOException {
        Path config = Files.createTempDirectory("trajectory-memory");
        TrackingSettings settings = new TrackingSettings(events + 1, events + 2, Duration.ofHours(1),
                Duration.ofSeconds(1), Duration.ofMinutes(30), 10_000);
        TelemetryClient client = TelemetryClient.builder()
                .apiKey("memory-key")
                .baseUrl("http://127.0.0.1:9")
                .configDirectory(config)
                .environment(name -> null)
                .registerShutdownHook(false)
                .trackingSettings(settings)
                .build();
        client.track(shape.eventType(), shape.properties(0), "user-warmup");
        long before = liveHeap();
        for (int i = 0; i < events; i++) {
            client.track(shape.eventType(), shape.properties(i + 1), "user-" + (i % 100));
        }
        long after = liveHeap();
        if (client.queueSize() != events + 1) {
            throw new IllegalStateException("expected " + (events + 1) + " queued events, found " + client.queueSize());
        }
        client.shutdown(Duration.ofMillis(1));
        return (after - before) / (double) events;
    }

    private static double jsonBytesPerEvent(EventShape shape) throws InvalidEventException {
        EventJsonWriter writer = new EventJsonWriter(TrajectoryJson.mapper());
        long bytes = 0;
        for (int i = 0; i < JSON_SAMPLE; i++) {
            TelemetryEvent event = TelemetryEvent.builder(shape.eventType(), "0f8c3c7e2b0a4d0e9d51c3b4a6e8f0aa")
                    .userId("user-" + (i % 100))
                    .properties(shape.properties(i + 1))
                    .metadata(Map.of("client_id", "3f9a0c7e2b0a4d0e9d51c3b4a6e8f0bb"))
                    .build();
            bytes += writer.write(event).length;
        }
        return bytes / (double) JSON_SAMPLE;
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
