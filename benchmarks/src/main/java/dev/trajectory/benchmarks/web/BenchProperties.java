package dev.trajectory.benchmarks.web;

import java.util.Map;

/** Starter settings shared by the benchmark applications: send to the loopback sink, keep logs quiet. */
public final class BenchProperties {

    private BenchProperties() {
    }

    public static Map<String, Object> withSink(String baseUrl) {
        return Map.of(
                "trajectory.api-key", "bench-key",
                "trajectory.base-url", baseUrl,
                "trajectory.project-id", "trajectory-benchmarks",
                "trajectory.tracking.config-dir", System.getProperty("java.io.tmpdir") + "/trajectory-benchmarks",
                "logging.level.root", "warn",
                "spring.main.banner-mode", "off");
    }
}
