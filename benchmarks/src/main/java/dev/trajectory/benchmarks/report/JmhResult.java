package dev.trajectory.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.trajectory.benchmarks.CallerCpuProfiler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of a JMH JSON result file: which method with which parameters, its score and error (99.9% interval
 * half-width, as JMH prints it), the median of its measured iterations, the normalised allocation when
 * {@code -prof gc} ran and the benchmark threads' CPU time per operation when {@link CallerCpuProfiler} ran.
 */
record JmhResult(String method, int threads, Map<String, String> params, double score, double error, double median,
        String unit, @Nullable Double allocatedBytesPerOp, @Nullable Double callerCpuNanosPerOp) {

    static List<JmhResult> read(Path file) throws IOException {
        List<JmhResult> results = new ArrayList<>();
        if (!Files.exists(file)) {
            return results;
        }
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        for (JsonNode run : root) {
            String benchmark = run.get("benchmark").asString();
            JsonNode primary = run.get("primaryMetric");
            JsonNode gc = run.path("secondaryMetrics").get("gc.alloc.rate.norm");
            JsonNode cpu = run.path("secondaryMetrics").get(CallerCpuProfiler.LABEL);
            Map<String, String> params = new java.util.LinkedHashMap<>();
            run.path("params").properties().forEach(entry -> params.put(entry.getKey(), entry.getValue().asString()));
            results.add(new JmhResult(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                    run.get("threads").asInt(), params, primary.get("score").asDouble(),
                    errorOf(primary), medianOf(primary), primary.get("scoreUnit").asString(),
                    gc == null ? null : gc.get("score").asDouble(), cpu == null ? null : cpu.get("score").asDouble()));
        }
        return results;
    }

    private static double errorOf(JsonNode metric) {
        double error = metric.path("scoreError").asDouble(Double.NaN);
        return Double.isFinite(error) ? error : Double.NaN;
    }

    /** The median of the measured iterations' scores (JMH's {@code rawData}); NaN when there are none. */
    private static double medianOf(JsonNode metric) {
        List<Double> scores = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode iteration : fork) {
                scores.add(iteration.asDouble());
            }
        }
        if (scores.isEmpty()) {
            return Double.NaN;
        }
        scores.sort(null);
        int middle = scores.size() / 2;
        return scores.size() % 2 == 1 ? scores.get(middle) : (scores.get(middle - 1) + scores.get(middle)) / 2;
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }
}
