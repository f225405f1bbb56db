package dev.trajectory.benchmarks.web;

import dev.trajectory.benchmarks.sink.LoopbackSink;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves {@code GET /orders/{id}} with the starter on, its events going over HTTP to a loopback sink started in the
 * same process. Switch the request filter with {@code --trajectory.web.enabled=false}; choose the port with
 * {@code --server.port}. Used by {@code benchmarks/filter-load.sh}.
 */
@SpringBootApplication
public class BenchWebApplication {

    public static void main(String[] args) {
        LoopbackSink sink = LoopbackSink.start();
        SpringApplication application = new SpringApplication(BenchWebApplication.class);
        application.setDefaultProperties(BenchProperties.withSink(sink.baseUrl()));
        application.run(args);
    }
}
