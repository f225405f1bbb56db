package dev.trajectory.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trace.TraceFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;

/**
 * Records one {@code http.request} event per web request, for either web stack: which requests are recorded
 * (excluded paths, sampling), the request's trace, and the event itself. Records the method, route template,
 * status, duration, session and the type of an escaped error; never headers other than the session header's
 * value, never bodies, never the raw URI.
 */
public final class RequestEvents {

    private static final Logger logger = LoggerFactory.getLogger(RequestEvents.class);

    /** Route recorded when no handler matched, so unknown paths do not create unbounded values. */
    public static final String UNMATCHED_ROUTE = "UNMATCHED";

    private static final String EVENT_TYPE = "http.request";

    private final TraceFactory traces;

    private final TelemetryClient client;

    private final ExcludedPaths excluded;

    private final double samplingRatio;

    private final String sessionHeader;

    public RequestEvents(TraceFactory traces, TelemetryClient client, List<String> excludedPaths,
            double samplingRatio, String sessionHeader) {
        this.traces = traces;
        this.client = client;
        this.excluded = new ExcludedPaths(excludedPaths);
        this.samplingRatio = samplingRatio;
        this.sessionHeader = sessionHeader;
    }

    /** The header the session id is read from. */
    public String sessionHeader() {
        return sessionHeader;
    }

    /** Whether to record a request to this path (not decoded): not excluded, and drawn by the sampling ratio. */
    public boolean shouldRecord(String path) {
        return !excluded.matches(path) && sampled();
    }

    /** Whether to record a request to this parsed path: not excluded, and drawn by the sampling ratio. */
    public boolean shouldRecord(PathContainer path) {
        return !excluded.matches(path) && sampled();
    }

    private boolean sampled() {
        return samplingRatio >= 1.0 || ThreadLocalRandom.current().nextDouble() < samplingRatio;
    }

    /** Starts the request's trace; agent runs started while it is current keep its trace id. */
    public Started start(@Nullable String sessionId) {
        TraceContext trace = traces.newTrace().sessionId(sessionId).request(true).build();
        return new Started(trace, traces.clock().millis());
    }

    /**
     * Records the request's event and hands it, after any event recorded in the request's trace, to the tracking
     * pipeline. Never throws.
     *
     * @param route  the matched route template, or {@code null} when no handler matched
     * @param status the response status, when known
     * @param error  an exception that escaped the handler, if any
     */
    public void finish(Started started, String method, @Nullable String route, @Nullable Integer status,
            @Nullable Throwable error) {
        try {
            TraceContext trace = started.trace();
            for (TelemetryEvent recorded : trace.events()) {
                client.track(recorded);
            }
            client.track(requestEvent(started, method, route, status, error));
        }
        catch (RuntimeException ex) {
            logger.debug("Could not record an http.request event: {}", ex.toString());
        }
    }

    /** The request's event, stamped by its trace but not recorded in it: it goes straight to the pipeline. */
    private TelemetryEvent requestEvent(Started started, String method, @Nullable String route,
            @Nullable Integer status, @Nullable Throwable error) {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("method", method);
        properties.put("route", route != null ? route : UNMATCHED_ROUTE);
        properties.put("status", error != null && (status == null || status < 400) ? Integer.valueOf(500) : status);
        properties.put("duration_ms", Math.max(0, traces.clock().millis() - started.startMillis()));
        if (error != null) {
            properties.put("error_type", error.getClass().getName());
        }
        return started.trace().unrecordedEvent(EVENT_TYPE, properties);
    }

    /** A request being recorded: its trace and when it started. */
    public record Started(TraceContext trace, long startMillis) {
    }
}
