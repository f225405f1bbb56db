package dev.trajectory.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time the benchmark's own threads spent per operation ({@code -prof dev.trajectory.benchmarks.CallerCpuProfiler},
 * reported as {@value #LABEL} in ns/op). JMH's score is wall time, which on a small machine also counts the time a
 * calling thread waits for a core while the SDK's worker, the sink and the JIT compiler run; this is the share the
 * call itself costs its caller. Only the JMH worker threads are counted, over each iteration, divided by the
 * operations JMH measured in it; single-shot benchmarks are left out.
 */
public final class CallerCpuProfiler implements InternalProfiler {

    public static final String LABEL = "caller.cpu";

    private static final String JMH_WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private Map<Long, Long> cpuAtStart = Map.of();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = workerCpu();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        if (benchmarkParams.getMode() == Mode.SingleShotTime) {
            // A single shot's iteration-level fixtures run on the same thread, and their CPU would be counted too.
            return List.of();
        }
        long operations = result.getMetadata().getMeasuredOps();
        long spent = 0;
        for (Map.Entry<Long, Long> now : workerCpu().entrySet()) {
            spent += now.getValue() - cpuAtStart.getOrDefault(now.getKey(), 0L);
        }
        if (operations <= 0 || spent <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(LABEL, spent / (double) operations, "ns/op", AggregationPolicy.AVG));
    }

    /** CPU time so far of each live JMH worker thread, by thread id. */
    private Map<Long, Long> workerCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains(JMH_WORKER)) {
                long nanos = threads.getThreadCpuTime(thread.getId());
                if (nanos >= 0) {
                    cpu.put(thread.getId(), nanos);
                }
            }
        }
        return cpu;
    }
}
