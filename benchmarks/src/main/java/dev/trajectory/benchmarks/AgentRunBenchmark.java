package dev.trajectory.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.trajectory.benchmarks.sink.LoopbackSink;
import dev.trajectory.benchmarks.web.Agent;
import dev.trajectory.benchmarks.web.BenchProperties;
import dev.trajectory.benchmarks.web.BenchWebApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cost of {@code @TraceAgentRun} per call: the same bean method with and without the annotation, both through the
 * bean's proxy, in a Spring Boot context with the starter sending to a loopback sink. A recorded call opens a trace,
 * records {@code agent.run.start} and {@code agent.run.end} and hands them to the tracking pipeline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class AgentRunBenchmark {

    private LoopbackSink sink;

    private ConfigurableApplicationContext context;

    private Agent agent;

    @Setup(Level.Trial)
    public void start() {
        sink = LoopbackSink.start();
        context = new SpringApplicationBuilder(BenchWebApplication.class)
                .web(WebApplicationType.NONE)
                .properties(BenchProperties.withSink(sink.baseUrl()))
                .run();
        agent = context.getBean(Agent.class);
    }

    @Benchmark
    public int recorded() {
        return agent.recordedAnswer("session-1", "where is my order?");
    }

    @Benchmark
    public int plain() {
        return agent.plainAnswer("session-1", "where is my order?");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
        sink.close();
    }
}
