package dev.trajectory.autoconfigure;

import java.time.Duration;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.tracking.ShutdownReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Flushes the client when the application stops, within {@code trajectory.tracking.shutdown-timeout}. Its phase
 * puts it after the web server's graceful shutdown (so events of in-flight requests are included) and before the
 * web server itself stops.
 */
public final class TrajectoryTrackingLifecycle implements SmartLifecycle {

    /** Between the web server's graceful shutdown (default phase - 1024) and its stop (default phase - 2048). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private static final Logger logger = LoggerFactory.getLogger(TrajectoryTrackingLifecycle.class);

    private final TelemetryClient client;

    private final Duration shutdownTimeout;

    private volatile boolean running;

    public TrajectoryTrackingLifecycle(TelemetryClient client, Duration shutdownTimeout) {
        this.client = client;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ShutdownReport report = client.shutdown(shutdownTimeout);
        logger.debug("Trajectory stopped: {}", report);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
