package dev.trajectory.benchmarks.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Answers {@code GET /counts} with what the sink has received so far, as one plain-text line
 * {@code <events> <requests> <bodyBytes>}: how a script reads a sink running in another process.
 */
final class CountsHandler implements HttpHandler {

    static final String PATH = "/counts";

    private final WireCounters counters;

    CountsHandler(WireCounters counters) {
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] answer = (counters.events() + " " + counters.requests() + " " + counters.bodyBytes() + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
