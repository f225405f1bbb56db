package dev.trajectory.client;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the client is doing, for people and health checks; never holds the API key.
 *
 * @param initialized         whether the client sends (or writes locally) rather than being switched off
 * @param version             the SDK version
 * @param serviceName         the source recorded on the client's events
 * @param endpoint            the ingest base URL without user info, query or fragment; {@code null} in local mode
 * @param signals             which signals are on: events, traces, metrics, logs, spans
 * @param uptime              time since the client was set up
 * @param eventsSent          events delivered with uploaded traces, plus those the tracking pipeline reports
 * @param metricsRecorded     metric values recorded
 * @param spansRecorded       spans ended
 * @param credentialsRejected whether the backend has refused the API key
 */
public record ClientStatus(boolean initialized, String version, String serviceName, @Nullable String endpoint,
        Map<String, Boolean> signals, Duration uptime, long eventsSent, long metricsRecorded, long spansRecorded,
        boolean credentialsRejected) {

    public ClientStatus {
        signals = Map.copyOf(signals);
    }
}
