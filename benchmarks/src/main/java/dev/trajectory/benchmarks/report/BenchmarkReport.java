package dev.trajectory.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.trajectory.benchmarks.CallerCpuProfiler;
import dev.trajectory.benchmarks.ChunkEncodingBenchmark;
import dev.trajectory.benchmarks.EventShape;
import dev.trajectory.benchmarks.QueuedTrackCallBenchmark;
import dev.trajectory.benchmarks.sdk.Sdk;
import org.jspecify.annotations.Nullable;

import static dev.trajectory.benchmarks.report.MarkdownTable.number;
import static dev.trajectory.benchmarks.report.MarkdownTable.percent;
import static dev.trajectory.benchmarks.report.MarkdownTable.ratio;
import static dev.trajectory.benchmarks.report.MarkdownTable.withError;

/**
 * Fills the report template's placeholders ({@code {{machine}}}, {@code {{targets}}}, {@code {{track}}},
 * {@code {{queued}}}, {@code {{endToEnd}}}, {@code {{chunk}}}, {@code {{memory}}}, {@code {{agentRun}}},
 * {@code {{filter}}}) from a results folder.
 * Usage: {@code BenchmarkReport <results folder> <template> <output>}.
 */
public final class BenchmarkReport {

    private static final String ONE_THREAD = "TrackCallBenchmark.oneThread";

    private static final String FOUR_THREADS = "TrackCallBenchmark.fourThreads";

    private static final String END_TO_END = "EndToEndBenchmark.deliverAll";

    private static final String QUEUED = "QueuedTrackCallBenchmark.track";

    /** The queued benchmark's name in the CPU CSV, as {@code QueuedTrackCallBenchmark} writes it. */
    private static final String QUEUED_CPU = "track.queued";

    private static final double CALL_BUDGET_NANOS = 300;

    private static final String FILTER_OFF = "off";

    private static final String FILTER_ON = "on";

    /** The modes of {@code benchmarks/filter-load.sh}, in the order the report lists them. */
    private static final List<String> FILTER_MODES = List.of(FILTER_OFF, FILTER_ON, "on-discarded");

    /** The thread groups of {@code benchmarks/filter-load.sh}'s CPU breakdown, in the order the report lists them. */
    private static final List<String> THREAD_GROUPS = List.of("tomcat", "worker", "http-client", "jit", "gc-vm",
            "other");

    private final ResultSet results;

    private BenchmarkReport(ResultSet results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BenchmarkReport <results folder> <template> <output>");
        }
        BenchmarkReport report = new BenchmarkReport(new ResultSet(Path.of(args[0])));
        String text = Files.readString(Path.of(args[1]))
                .replace("{{machine}}", report.results.machine)
                .replace("{{targets}}", report.targets())
                .replace("{{track}}", report.track())
                .replace("{{queued}}", report.queued())
                .replace("{{endToEnd}}", report.endToEnd())
                .replace("{{chunk}}", report.chunk())
                .replace("{{memory}}", report.memory())
                .replace("{{agentRun}}", report.agentRun())
                .replace("{{filter}}", report.filter());
        Files.writeString(Path.of(args[2]), text);
    }

    private String track() {
        StringBuilder out = new StringBuilder();
        for (EventShape shape : EventShape.values()) {
            double ours = score(ONE_THREAD, Sdk.TRAJECTORY, shape);
            MarkdownTable table = new MarkdownTable("SDK", "1 thread, ns/call", "caller CPU, ns/call (1 thread)",
                    "allocated, B/call", "4 threads, ns/call", "delivered (1 thread)", "peer ÷ Trajectory (1 thread)");
            for (Sdk sdk : Sdk.values()) {
                Optional<JmhResult> one = results.find(ONE_THREAD, sdk, shape);
                Optional<JmhResult> four = results.find(FOUR_THREADS, sdk, shape);
                if (one.isEmpty() && four.isEmpty() && !sdk.isPeer()) {
                    continue;
                }
                table.row(sdk.name(),
                        one.map(r -> withError(r.score(), r.error())).orElse("–"),
                        one.map(r -> numberOrDash(r.callerCpuNanosPerOp()))
                                .orElse("–"),
                        one.map(r -> numberOrDash(r.allocatedBytesPerOp()))
                                .orElse("–"),
                        four.map(r -> withError(r.score(), r.error())).orElse("–"),
                        results.wireTotal("track.oneThread", sdk, shape)
                                .map(w -> percent(w.events() / (double) w.calls())).orElse("–"),
                        sdk == Sdk.TRAJECTORY ? "1.00×" : ratio(score(ONE_THREAD, sdk, shape) / ours));
            }
            out.append("**").append(shape.name().toLowerCase()).append(" event** (")
                    .append(describe(shape)).append(")\n\n").append(table.render()).append('\n');
        }
        return out.toString().strip();
    }

    private String queued() {
        StringBuilder out = new StringBuilder();
        for (EventShape shape : EventShape.values()) {
            double ours = queuedNanos(Sdk.TRAJECTORY, shape);
            MarkdownTable table = new MarkdownTable("SDK", "1 thread, ns/call (mean)", "median batch, ns/call",
                    "caller CPU, ns/call", "peer ÷ Trajectory (mean)");
            for (Sdk sdk : Sdk.values()) {
                Optional<JmhResult> result = results.find(QUEUED, sdk, shape);
                if (result.isEmpty() && !sdk.isPeer()) {
                    continue;
                }
                table.row(sdk.name(),
                        result.map(r -> withError(r.score() / QueuedTrackCallBenchmark.CALLS,
                                r.error() / QueuedTrackCallBenchmark.CALLS)).orElse("not run"),
                        result.map(r -> number(r.median() / QueuedTrackCallBenchmark.CALLS)).orElse("–"),
                        numberOrDash(queuedCallerCpu(sdk, shape)),
                        sdk == Sdk.TRAJECTORY ? "1.00×" : ratio(queuedNanos(sdk, shape) / ours));
            }
            out.append("**").append(shape.name().toLowerCase()).append(" event** (")
                    .append(describe(shape)).append(")\n\n").append(table.render()).append('\n');
        }
        return out.toString().strip();
    }

    /** Time per call with room in the queue: the batch's single-shot time over its calls. */
    private double queuedNanos(Sdk sdk, EventShape shape) {
        return results.find(QUEUED, sdk, shape).map(r -> r.score() / QueuedTrackCallBenchmark.CALLS)
                .orElse(Double.NaN);
    }

    /** The calling thread's CPU time per call with room in the queue; NaN when it was not recorded. */
    private double queuedCallerCpu(Sdk sdk, EventShape shape) {
        return results.callerCpuPerCall(QUEUED_CPU, sdk, shape);
    }

    private String endToEnd() {
        StringBuilder out = new StringBuilder();
        for (EventShape shape : EventShape.values()) {
            double ours = eventsPerSecond(Sdk.TRAJECTORY, shape);
            MarkdownTable table = new MarkdownTable("SDK", "events/s", "wire bytes/event", "events/request",
                    "Trajectory ÷ peer");
            for (Sdk sdk : Sdk.values()) {
                Optional<JmhResult> result = results.find(END_TO_END, sdk, shape);
                Optional<WireRecord> wire = results.wireTotal("endToEnd", sdk, shape);
                double rate = eventsPerSecond(sdk, shape);
                table.row(sdk.name(),
                        result.map(r -> withError(rate, rate * r.error() / r.score())).orElse("not run"),
                        wire.map(w -> number(w.bodyBytes() / (double) w.events())).orElse("–"),
                        wire.map(w -> number(w.events() / (double) w.requests())).orElse("–"),
                        sdk.isPeer() ? ratio(ours / rate) : sdk == Sdk.TRAJECTORY ? "1.00×" : "–");
            }
            out.append("**").append(shape.name().toLowerCase()).append(" event**\n\n").append(table.render())
                    .append('\n');
        }
        return out.toString().strip();
    }

    private String chunk() {
        MarkdownTable table = new MarkdownTable("event", "step", "chunks/s", "events/s");
        for (EventShape shape : EventShape.values()) {
            for (String step : List.of("serialiseAndGzip", "serialiseOnly", "serialiseAccentedOnly", "gzipOnly")) {
                results.find("ChunkEncodingBenchmark." + step, null, shape).ifPresent(r -> table.row(
                        shape.name().toLowerCase(), step, withError(r.score(), r.error()),
                        number(r.score() * ChunkEncodingBenchmark.CHUNK_EVENTS)));
            }
        }
        return table.render().strip();
    }

    private String memory() {
        MarkdownTable table = new MarkdownTable("event", "queued events", "heap bytes/event (median)",
                "JSON bytes/event",
                "heap ÷ JSON");
        for (ResultSet.Memory row : results.memoryMedians()) {
            table.row(row.shape().toLowerCase(), Long.toString(row.events()), number(row.heapBytesPerEvent()),
                    number(row.jsonBytesPerEvent()), ratio(row.heapBytesPerEvent() / row.jsonBytesPerEvent()));
        }
        return table.render().strip();
    }

    private String agentRun() {
        Optional<JmhResult> recorded = results.find("AgentRunBenchmark.recorded", null, null);
        Optional<JmhResult> plain = results.find("AgentRunBenchmark.plain", null, null);
        MarkdownTable table = new MarkdownTable("call", "ns/call", "caller CPU, ns/call", "allocated, B/call");
        recorded.ifPresent(r -> table.row("`@TraceAgentRun` method", withError(r.score(), r.error()),
                numberOrDash(r.callerCpuNanosPerOp()),
                numberOrDash(r.allocatedBytesPerOp())));
        plain.ifPresent(r -> table.row("same method, not annotated", withError(r.score(), r.error()),
                numberOrDash(r.callerCpuNanosPerOp()),
                numberOrDash(r.allocatedBytesPerOp())));
        if (recorded.isPresent() && plain.isPresent()) {
            table.row("**overhead of recording a run**", number(recorded.get().score() - plain.get().score()), "",
                    "");
        }
        return table.render().strip();
    }

    private String filter() {
        MarkdownTable table = new MarkdownTable("filter", "run", "requests/s", "p99 ms", "app CPU µs/request",
                "sink CPU µs/request", "sink events/s");
        for (ResultSet.FilterRun run : results.filterRuns) {
            table.row(run.mode(), Integer.toString(run.round()), number(run.requestsPerSecond()),
                    number(run.p99Millis()), number(run.appCpuMicrosPerRequest()),
                    number(run.sinkCpuMicrosPerRequest()), number(run.sinkEventsPerSecond()));
        }
        MarkdownTable means = new MarkdownTable("filter (mean of runs)", "requests/s", "requests/s lost against off",
                "p99 ms", "app CPU µs/request", "app CPU added against off");
        double cpuOff = results.filterMean(FILTER_OFF, ResultSet.FilterRun::appCpuMicrosPerRequest);
        for (String mode : FILTER_MODES) {
            if (!results.filterRunsOf(mode).isEmpty()) {
                double cpu = results.filterMean(mode, ResultSet.FilterRun::appCpuMicrosPerRequest);
                boolean off = mode.equals(FILTER_OFF);
                means.row("**" + mode + "**", number(results.filterMean(mode, ResultSet.FilterRun::requestsPerSecond)),
                        off ? "–" : percent(filterCost(mode)),
                        number(results.filterMean(mode, ResultSet.FilterRun::p99Millis)), number(cpu),
                        off ? "–" : percent(cpu / cpuOff - 1));
            }
        }
        return (table.render() + "\n" + means.render() + threadCpu().map(threads -> "\n" + threads).orElse("")
                + ownWork().map(own -> "\n" + own).orElse("")).strip();
    }

    /** Where each mode's application CPU per request went, by thread group, when the load test recorded it. */
    private Optional<String> threadCpu() {
        if (results.threadCpu.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = new ArrayList<>(List.of("app CPU µs/request by threads (mean of runs)"));
        header.addAll(FILTER_MODES);
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (String threads : THREAD_GROUPS) {
            List<String> row = new ArrayList<>(List.of(threads));
            FILTER_MODES.forEach(mode -> row.add(number(results.threadCpuMean(mode, threads))));
            table.row(row.toArray(String[]::new));
        }
        return Optional.of(table.render());
    }

    /** {@code RequestFilterBenchmark}'s figures, when it ran. */
    private Optional<String> ownWork() {
        return results.find("RequestFilterBenchmark.recordRequest", null, null).map(r -> new MarkdownTable(
                "the filter's own work per request (`RequestFilterBenchmark`)", "ns/request", "allocated, B/request")
                .row("path check, trace, event; no queueing, no delivery", withError(r.score(), r.error()),
                        numberOrDash(r.allocatedBytesPerOp()))
                .render());
    }

    /** Share of requests/s lost in a mode against the filter off, from the means of the load-test runs. */
    private double filterCost(String mode) {
        return 1 - results.filterMean(mode, ResultSet.FilterRun::requestsPerSecond)
                / results.filterMean(FILTER_OFF, ResultSet.FilterRun::requestsPerSecond);
    }

    private String targets() {
        MarkdownTable table = new MarkdownTable("target", "event", "measured", "met");
        for (EventShape shape : EventShape.values()) {
            callTargets(table, "1 thread", shape, sdk -> score(ONE_THREAD, sdk, shape));
            callTargets(table, "1 thread, room in the queue", shape, sdk -> queuedNanos(sdk, shape));
            callTargets(table, "1 thread, room in the queue, caller's CPU", shape, sdk -> queuedCallerCpu(sdk, shape));
            callTargets(table, "1 thread, caller's CPU", shape, sdk -> callerCpu(sdk, shape));
        }
        for (Sdk trajectory : List.of(Sdk.TRAJECTORY, Sdk.TRAJECTORY_UNCOMPRESSED)) {
            for (EventShape shape : EventShape.values()) {
                double ours = eventsPerSecond(trajectory, shape);
                double bestPeer = bestPeer(sdk -> eventsPerSecond(sdk, shape), false);
                table.row("end-to-end events/s ≥ 2× best peer" + (trajectory == Sdk.TRAJECTORY ? " (gzip, default)"
                                : " (compression none)"), shape.name().toLowerCase(),
                        ratio(ours / bestPeer) + " (" + number(ours) + " vs " + number(bestPeer) + ")",
                        verdict(ours / bestPeer, ours >= 2 * bestPeer));
            }
        }
        for (ResultSet.Memory row : results.memoryMedians()) {
            double factor = row.heapBytesPerEvent() / row.jsonBytesPerEvent();
            table.row("memory per queued event ≤ 2× JSON", row.shape().toLowerCase(), ratio(factor),
                    verdict(factor, factor <= 2));
        }
        double cost = filterCost(FILTER_ON);
        table.row("request filter costs ≤ 3% of requests/s", "–", percent(cost), verdict(cost, cost <= 0.03));
        return table.render().strip();
    }

    /** The two per-call targets, "≤ best peer" and "≤ 300 ns", judged on one figure in nanoseconds per call. */
    private void callTargets(MarkdownTable table, String condition, EventShape shape,
            java.util.function.ToDoubleFunction<Sdk> nanosPerCall) {
        double ours = nanosPerCall.applyAsDouble(Sdk.TRAJECTORY);
        double bestPeer = bestPeer(nanosPerCall, true);
        String event = shape.name().toLowerCase();
        table.row("track() ≤ best peer, " + condition, event, number(ours) + " ns vs " + number(bestPeer) + " ns",
                verdict(ours / bestPeer, ours <= bestPeer));
        table.row("track() ≤ 300 ns, " + condition, event, number(ours) + " ns",
                verdict(ours, ours <= CALL_BUDGET_NANOS));
    }

    private double bestPeer(java.util.function.ToDoubleFunction<Sdk> figure, boolean lowerIsBetter) {
        return Arrays.stream(Sdk.values())
                .filter(Sdk::isPeer)
                .mapToDouble(figure)
                .filter(Double::isFinite)
                .reduce(lowerIsBetter ? Math::min : Math::max)
                .orElse(Double.NaN);
    }

    private double score(String method, Sdk sdk, EventShape shape) {
        return results.find(method, sdk, shape).map(JmhResult::score).orElse(Double.NaN);
    }

    /** CPU time of the calling thread per call, one thread; NaN when {@link CallerCpuProfiler} did not run. */
    private double callerCpu(Sdk sdk, EventShape shape) {
        return results.find(ONE_THREAD, sdk, shape).map(JmhResult::callerCpuNanosPerOp).orElse(Double.NaN);
    }

    /** Events per second from the single-shot time (ms) to deliver the run's event count. */
    private double eventsPerSecond(Sdk sdk, EventShape shape) {
        return results.find(END_TO_END, sdk, shape)
                .map(r -> Double.parseDouble(r.param("events")) / (r.score() / 1000))
                .orElse(Double.NaN);
    }

    /** A secondary figure JMH recorded, or a dash when its profiler did not run. */
    private static String numberOrDash(@Nullable Double figure) {
        return figure == null || !Double.isFinite(figure) ? "–" : number(figure);
    }

    /** "yes", "**no**", or "not run" when the figure it rests on is missing. */
    private static String verdict(double figure, boolean met) {
        if (!Double.isFinite(figure)) {
            return "not run";
        }
        return met ? "yes" : "**no**";
    }

    private static String describe(EventShape shape) {
        return shape == EventShape.SMALL ? "3 properties" : "50 properties, 4 KiB of text";
    }
}
