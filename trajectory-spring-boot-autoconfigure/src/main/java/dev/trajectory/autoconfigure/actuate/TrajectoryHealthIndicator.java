package dev.trajectory.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.trajectory.tracking.QueueFigures;
import dev.trajectory.client.ClientStatus;
import dev.trajectory.client.TelemetryClient;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN, with the reason, when the backend has refused the API key or the tracking queue has stayed full for longer
 * than the grace period; UP otherwise. Never shows the key.
 */
public final class TrajectoryHealthIndicator implements HealthIndicator {

    /** How long the queue may be full before health goes DOWN. */
    static final Duration FULL_QUEUE_GRACE = Duration.ofSeconds(30);

    private final TelemetryClient client;

    private final Clock clock;

    private volatile @Nullable Instant fullSince;

    public TrajectoryHealthIndicator(TelemetryClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ClientStatus status = client.getStatus();
        if (status.credentialsRejected()) {
            return Health.down().withDetail("reason", "the backend rejected the API key; check trajectory.api-key")
                    .build();
        }
        QueueFigures queue = client.signals().queueFigures();
        if (queue != null && queue.size() >= queue.capacity()) {
            Instant now = clock.instant();
            Instant since = fullSince;
            if (since == null) {
                fullSince = now;
            }
            else if (Duration.between(since, now).compareTo(FULL_QUEUE_GRACE) > 0) {
                return Health.down().withDetail("reason", "the event queue has been full since " + since
                        + "; events are being dropped").withDetail("queueSize", queue.size()).build();
            }
        }
        else {
            fullSince = null;
        }
        return Health.up().withDetail("initialized", status.initialized()).build();
    }
}
