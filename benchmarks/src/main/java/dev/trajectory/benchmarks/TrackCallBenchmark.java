package dev.trajectory.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Cost of one tracking call on the caller's thread, with the SDK's own background delivery running against the
 * loopback sink and every SDK at its default queue settings. Callers here produce far faster than any SDK delivers,
 * so queues fill and each SDK's overflow rule applies (Trajectory and OpenTelemetry drop the new event, PostHog the
 * oldest, Segment's queue grows without bound); the share delivered is logged beside the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms10g", "-Xmx10g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class TrackCallBenchmark {

    private static final String USER_ID = "user-42";

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);

    @Param({"TRAJECTORY", "OPENTELEMETRY", "SEGMENT", "POSTHOG"})
    public Sdk sdk;

    @Param({"SMALL", "LARGE"})
    public EventShape shape;

    private final AtomicLong calls = new AtomicLong();

    private LoopbackSink sink;

    private TrackedSdk tracked;

    private Map<String, Object> properties;

    private String eventType;

    @Setup(Level.Trial)
    public void start() {
        sink = LoopbackSink.start();
        tracked = sdk.open(sink, Sdk.DEFAULT_QUEUE);
        properties = shape.properties(1);
        eventType = shape.eventType();
    }

    /** Counts one thread's calls; added up when the trial ends so the hot loop shares nothing. */
    @State(Scope.Thread)
    public static class CallCount {

        long count;

        @TearDown(Level.Trial)
        public void addTo(TrackCallBenchmark benchmark) {
            benchmark.calls.addAndGet(count);
        }
    }

    @Benchmark
    @Threads(1)
    public void oneThread(CallCount count) {
        tracked.track(USER_ID, eventType, properties);
        count.count++;
    }

    @Benchmark
    @Threads(4)
    public void fourThreads(CallCount count) {
        tracked.track(USER_ID, eventType, properties);
        count.count++;
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) throws InterruptedException {
        tracked.flush();
        Settling.awaitQuiet(sink, SETTLE_TIMEOUT);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Settling.finish("track." + method, sdk, shape, calls.get(), tracked, sink, SETTLE_TIMEOUT);
    }
}
