package dev.trajectory.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.trajectory.tracking.QueueFigures;
import dev.trajectory.client.ClientStatus;
import dev.trajectory.client.TelemetryClient;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** The read-only {@code trajectory} actuator endpoint: the client's status and queue figures, never the API key. */
@Endpoint(id = "trajectory")
public final class TrajectoryEndpoint {

    private final TelemetryClient client;

    public TrajectoryEndpoint(TelemetryClient client) {
        this.client = client;
    }

    @ReadOperation
    public Map<String, @Nullable Object> status() {
        ClientStatus status = client.getStatus();
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("initialized", status.initialized());
        body.put("version", status.version());
        body.put("serviceName", status.serviceName());
        body.put("endpoint", status.endpoint());
        body.put("signals", status.signals());
        body.put("uptime", status.uptime().toString());
        body.put("eventsSent", status.eventsSent());
        body.put("metricsRecorded", status.metricsRecorded());
        body.put("spansRecorded", status.spansRecorded());
        body.put("credentialsRejected", status.credentialsRejected());
        QueueFigures queue = client.signals().queueFigures();
        if (queue != null) {
            body.put("queue", Map.of("size", queue.size(), "capacity", queue.capacity(), "dropped", queue.dropped()));
        }
        return body;
    }
}
