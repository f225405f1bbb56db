package dev.trajectory.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.trajectory.autoconfigure.web.RequestEvents;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trace.TraceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request filter's own work per request on the request thread, as the servlet filter does it around a handler,
 * without a web server and without the tracking pipeline: the excluded-path and sampling check, the request's trace
 * (its random id included) made current and closed, and the {@code http.request} event built with the default
 * settings and handed to a disabled client, so {@code track()}'s queueing (see {@link TrackCallBenchmark}) and
 * delivery are left out. Steadier on a shared machine than the load test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RequestFilterBenchmark {

    private RequestEvents events;

    @Setup
    public void start() {
        events = new RequestEvents(TraceFactory.defaults(TelemetryEvent.DEFAULT_SOURCE),
                TelemetryClient.disabled("benchmark", TelemetryEvent.DEFAULT_SOURCE), List.of("/actuator/**"), 1.0,
                "X-Session-Id");
    }

    @Benchmark
    public boolean recordRequest() {
        if (!events.shouldRecord("/orders/42")) {
            return false;
        }
        RequestEvents.Started started = events.start(null);
        TraceContext.Scope handling = started.trace().makeCurrent();
        handling.close();
        events.finish(started, "GET", "/orders/{id}", 200, null);
        return true;
    }
}
