package dev.trajectory.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.trajectory.benchmarks.sdk.Sdk;
import dev.trajectory.benchmarks.sdk.TrackedSdk;
import dev.trajectory.benchmarks.sink.LoopbackSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time for {@code events} events to go from {@code track()} on one thread until the loopback sink has acknowledged
 * all of them. Each SDK keeps its default batching; only its queue bound is raised to {@code events} so that none
 * is dropped (Segment's is unbounded already). A fresh SDK and sink per iteration; the sink's counts go to the
 * {@link ResultLog}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms10g", "-Xmx10g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class EndToEndBenchmark {

    private static final String USER_ID = "user-42";

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);

    @Param({"TRAJECTORY", "TRAJECTORY_UNCOMPRESSED", "OPENTELEMETRY", "SEGMENT", "POSTHOG"})
    public Sdk sdk;

    @Param({"SMALL", "LARGE"})
    public EventShape shape;

    @Param({"100000"})
    public int events;

    private LoopbackSink sink;

    private TrackedSdk tracked;

    private Map<String, Object> properties;

    @Setup(Level.Iteration)
    public void start() {
        sink = LoopbackSink.start();
        tracked = sdk.open(sink, events);
        properties = shape.properties(1);
    }

    @Benchmark
    public void deliverAll() throws TimeoutException {
        String eventType = shape.eventType();
        for (int i = 0; i < events; i++) {
            tracked.track(USER_ID, eventType, properties);
        }
        tracked.flush();
        sink.awaitEvents(events, DELIVERY_TIMEOUT);
    }

    @TearDown(Level.Iteration)
    public void stop() throws InterruptedException {
        Settling.finish("endToEnd", sdk, shape, events, tracked, sink, Duration.ofSeconds(30));
    }
}
