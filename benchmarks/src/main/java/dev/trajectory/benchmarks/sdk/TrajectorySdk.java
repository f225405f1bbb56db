package dev.trajectory.benchmarks.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.RequestCompression;
import dev.trajectory.tracking.TrackingSettings;

/** Trajectory's {@link TelemetryClient#track(String, Map, String)} over HTTP to the sink. */
final class TrajectorySdk implements TrackedSdk {

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

    private final Path configDirectory;

    private final TelemetryClient client;

    TrajectorySdk(String baseUrl, int queueCapacity, RequestCompression compression) {
        try {
            this.configDirectory = Files.createTempDirectory("trajectory-bench");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        TrackingSettings defaults = TrackingSettings.defaults();
        TrackingSettings settings = queueCapacity == Sdk.DEFAULT_QUEUE ? defaults
                : new TrackingSettings(queueCapacity, defaults.flushAt(), defaults.flushInterval(),
                        defaults.shutdownTimeout(), defaults.sessionTimeout(), defaults.maxSessions());
        this.client = TelemetryClient.builder()
                .apiKey("bench-key")
                .baseUrl(baseUrl)
                .configDirectory(configDirectory)
                .environment(name -> null)
                .registerShutdownHook(false)
                .trackingSettings(settings)
                .pushSettings(PushSettings.defaults().withCompression(compression))
                .build();
    }

    @Override
    public void track(String userId, String eventType, Map<String, Object> properties) {
        client.track(eventType, properties, userId);
    }

    @Override
    public void flush() {
        client.flush(FLUSH_TIMEOUT);
    }

    @Override
    public void close() {
        client.shutdown(FLUSH_TIMEOUT);
        try (var files = Files.list(configDirectory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(configDirectory);
        }
        catch (IOException ex) {
            // a temporary folder left behind does not affect the results
        }
    }
}
