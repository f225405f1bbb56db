package dev.trajectory.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Cost of one tracking call while the SDK's queue has room, the everyday case that {@link TrackCallBenchmark}'s
 * flood never reaches: each iteration times {@value #CALLS} calls on one thread into a queue that holds them all,
 * with the SDK's own worker delivering meanwhile, and between iterations everything is delivered. The score is the
 * time of the whole batch; the report divides it by {@value #CALLS}. The calling thread's own CPU time over the
 * measured batches is written with {@link ResultLog#appendCallerCpu}: on a small machine the batch's wall time also
 * holds the time the caller waited for a core while the SDK's worker, the sink and the JIT ran.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 30, batchSize = QueuedTrackCallBenchmark.CALLS)
@Measurement(iterations = 60, batchSize = QueuedTrackCallBenchmark.CALLS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class QueuedTrackCallBenchmark {

    public static final int CALLS = 5_000;

    private static final String USER_ID = "user-42";

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(1);

    @Param({"TRAJECTORY", "OPENTELEMETRY", "SEGMENT", "POSTHOG"})
    public Sdk sdk;

    @Param({"SMALL", "LARGE"})
    public EventShape shape;

    private LoopbackSink sink;

    private TrackedSdk tracked;

    private Map<String, Object> properties;

    private String eventType;

    private long calls;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private boolean measuredBatch;

    private long cpuAtBatchStart;

    private long measuredCalls;

    private long measuredCpuNanos;

    @Setup(Level.Trial)
    public void start() {
        sink = LoopbackSink.start();
        tracked = sdk.open(sink, CALLS);
        properties = shape.properties(1);
        eventType = shape.eventType();
    }

    /** Runs on the benchmark thread right before the batch, so only the batch lies between the two CPU readings. */
    @Setup(Level.Iteration)
    public void startBatch(IterationParams iteration) {
        measuredBatch = iteration.getType() == IterationType.MEASUREMENT;
        cpuAtBatchStart = threads.getCurrentThreadCpuTime();
    }

    @Benchmark
    public void track() {
        tracked.track(USER_ID, eventType, properties);
    }

    /** Delivers the iteration's events, so the next iteration starts with an empty queue. */
    @TearDown(Level.Iteration)
    public void deliver() throws TimeoutException {
        long batchCpu = threads.getCurrentThreadCpuTime() - cpuAtBatchStart;
        if (measuredBatch) {
            measuredCalls += CALLS;
            measuredCpuNanos += batchCpu;
        }
        calls += CALLS;
        tracked.flush();
        sink.awaitEvents(calls, DELIVERY_TIMEOUT);
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        ResultLog.appendCallerCpu("track.queued", sdk, shape, measuredCalls, measuredCpuNanos);
        Settling.finish("track.queued", sdk, shape, calls, tracked, sink, Duration.ofSeconds(30));
    }
}
