package dev.trajectory.benchmarks.web;

import dev.trajectory.benchmarks.sink.LoopbackSink;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves {@code GET /orders/{id}} with the starter on, its events going over HTTP to the sink named by
 * {@code --trajectory.base-url}, or without it to a loopback sink started in the same process. Switch the request
 * filter with {@code --trajectory.web.enabled=false}, keep events from leaving the process with
 * {@code --bench.delivery=discard} ({@link DiscardedDelivery}); choose the port with {@code --server.port}. Used by
 * {@code benchmarks/filter-load.sh}, which runs the sink as a process of its own.
 */
@SpringBootApplication
public class BenchWebApplication {

    private static final String BASE_URL_ARGUMENT = "--trajectory.base-url=";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BenchWebApplication.class);
        application.setDefaultProperties(BenchProperties.withSink(sinkBaseUrl(args)));
        application.run(args);
    }

    /** The base URL given on the command line, or that of a sink started here when none was given. */
    private static String sinkBaseUrl(String[] args) {
        for (String argument : args) {
            if (argument.startsWith(BASE_URL_ARGUMENT)) {
                return argument.substring(BASE_URL_ARGUMENT.length());
            }
        }
        return LoopbackSink.start().baseUrl();
    }
}
