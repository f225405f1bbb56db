package dev.trajectory.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import dev.trajectory.benchmarks.EventShape;
import dev.trajectory.benchmarks.sdk.Sdk;
import org.jspecify.annotations.Nullable;

/** Everything one run of {@code benchmarks/run.sh} wrote to its results folder, with lookups for the report. */
final class ResultSet {

    /** One line of the memory CSV. */
    record Memory(String shape, long events, double heapBytesPerEvent, double jsonBytesPerEvent) {
    }

    final List<JmhResult> jmh = new ArrayList<>();

    final List<WireRecord> wire;

    final List<Memory> memory = new ArrayList<>();

    /**
     * One line of the request filter's load-test CSV: the mode ({@code off}, {@code on}, {@code on-discarded}),
     * wrk's figures, the CPU time the application and the sink process spent per request, and the events the sink
     * received per second, all over the window wrk measured.
     */
    record FilterRun(String mode, int round, double requestsPerSecond, double p99Millis,
            double appCpuMicrosPerRequest, double sinkCpuMicrosPerRequest, double sinkEventsPerSecond) {
    }

    final List<FilterRun> filterRuns = new ArrayList<>();

    /** One line of the load test's CPU by thread group: the application's CPU per request spent by those threads. */
    record ThreadCpu(String mode, int round, String threads, double cpuMicrosPerRequest) {
    }

    final List<ThreadCpu> threadCpu = new ArrayList<>();

    /** One line of the CPU CSV (see {@code ResultLog}): the calling thread's CPU time over measured calls. */
    record CallerCpu(String benchmark, String sdk, String shape, long calls, long cpuNanos) {
    }

    final List<CallerCpu> callerCpu = new ArrayList<>();

    final String machine;

    ResultSet(Path folder) throws IOException {
        jmh.addAll(JmhResult.read(folder.resolve("calls.json")));
        jmh.addAll(JmhResult.read(folder.resolve("e2e.json")));
        jmh.addAll(JmhResult.read(folder.resolve("queued.json")));
        wire = WireRecord.read(folder.resolve("wire.csv"));
        Path memoryFile = folder.resolve("memory.csv");
        if (Files.exists(memoryFile)) {
            for (String line : Files.readAllLines(memoryFile)) {
                String[] cells = line.split(",");
                if (cells.length == 4 && !cells[0].equals("shape")) {
                    memory.add(new Memory(cells[0], Long.parseLong(cells[1]), Double.parseDouble(cells[2]),
                            Double.parseDouble(cells[3])));
                }
            }
        }
        Path filterFile = folder.resolve("filter.csv");
        if (Files.exists(filterFile)) {
            for (String line : Files.readAllLines(filterFile)) {
                String[] cells = line.split(",");
                if (cells.length == 7 && !cells[0].equals("filter") && !cells[2].isBlank()) {
                    filterRuns.add(new FilterRun(cells[0], Integer.parseInt(cells[1]), Double.parseDouble(cells[2]),
                            Double.parseDouble(cells[3]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5]),
                            Double.parseDouble(cells[6])));
                }
            }
        }
        Path threadsFile = folder.resolve("filter-threads.csv");
        if (Files.exists(threadsFile)) {
            for (String line : Files.readAllLines(threadsFile)) {
                String[] cells = line.split(",");
                if (cells.length == 4 && !cells[0].equals("filter")) {
                    threadCpu.add(new ThreadCpu(cells[0], Integer.parseInt(cells[1]), cells[2],
                            Double.parseDouble(cells[3])));
                }
            }
        }
        Path cpuFile = folder.resolve("caller-cpu.csv");
        if (Files.exists(cpuFile)) {
            for (String line : Files.readAllLines(cpuFile)) {
                String[] cells = line.split(",");
                if (cells.length == 5) {
                    callerCpu.add(new CallerCpu(cells[0], cells[1], cells[2], Long.parseLong(cells[3]),
                            Long.parseLong(cells[4])));
                }
            }
        }
        Path machineFile = folder.resolve("machine.txt");
        machine = Files.exists(machineFile) ? Files.readString(machineFile).strip() : "(not recorded)";
    }

    Optional<JmhResult> find(String method, @Nullable Sdk sdk, @Nullable EventShape shape) {
        return jmh.stream()
                .filter(result -> result.method().equals(method))
                .filter(result -> sdk == null || result.param("sdk").equals(sdk.name()))
                .filter(result -> shape == null || result.param("shape").equals(shape.name()))
                .findFirst();
    }

    /** The load-test runs of one mode, in the order they ran. */
    List<FilterRun> filterRunsOf(String mode) {
        return filterRuns.stream().filter(run -> run.mode().equals(mode)).toList();
    }

    /** The mean of one figure over the load-test runs of one mode; NaN when none ran. */
    double filterMean(String mode, ToDoubleFunction<FilterRun> figure) {
        return filterRunsOf(mode).stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    /**
     * The mean over one mode's runs of the CPU per request a thread group spent; a run in which the group did not
     * appear counts as 0. NaN when the mode has no such figures.
     */
    double threadCpuMean(String mode, String threads) {
        long runs = threadCpu.stream().filter(row -> row.mode().equals(mode)).mapToInt(ThreadCpu::round).distinct()
                .count();
        double total = threadCpu.stream().filter(row -> row.mode().equals(mode) && row.threads().equals(threads))
                .mapToDouble(ThreadCpu::cpuMicrosPerRequest).sum();
        return runs == 0 ? Double.NaN : total / runs;
    }

    /** Per shape, in order of appearance, the run with the median heap figure (one JVM per run). */
    List<Memory> memoryMedians() {
        return memory.stream().map(Memory::shape).distinct().map(shape -> {
            List<Memory> runs = memory.stream().filter(row -> row.shape().equals(shape))
                    .sorted(java.util.Comparator.comparingDouble(Memory::heapBytesPerEvent)).toList();
            return runs.get(runs.size() / 2);
        }).toList();
    }

    /** The calling thread's CPU time per measured call of one benchmark, SDK and shape; NaN when not recorded. */
    double callerCpuPerCall(String benchmark, Sdk sdk, EventShape shape) {
        return callerCpu.stream()
                .filter(row -> row.benchmark().equals(benchmark) && row.sdk().equals(sdk.name())
                        && row.shape().equals(shape.name()) && row.calls() > 0)
                .mapToDouble(row -> row.cpuNanos() / (double) row.calls())
                .findFirst().orElse(Double.NaN);
    }

    /** Sink counts of every trial or iteration of one benchmark, SDK and shape, added up. */
    Optional<WireRecord> wireTotal(String benchmark, Sdk sdk, EventShape shape) {
        return wire.stream()
                .filter(record -> record.benchmark().equals(benchmark) && record.sdk().equals(sdk.name())
                        && record.shape().equals(shape.name()))
                .reduce((a, b) -> new WireRecord(a.benchmark(), a.sdk(), a.shape(), a.calls() + b.calls(),
                        a.events() + b.events(), a.requests() + b.requests(), a.bodyBytes() + b.bodyBytes()));
    }
}
