package dev.trajectory.benchmarks.sink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Answers one protocol's POSTs: reads the body as sent, inflates it when gzip-encoded, counts its events and replies
 * with the protocol's success answer. A body it cannot count gets a 400, so a mismatch shows up as missing events.
 */
final class IngestHandler implements HttpHandler {

    private final Protocol protocol;

    private final WireCounters counters;

    IngestHandler(Protocol protocol, WireCounters counters) {
        this.protocol = protocol;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] wire;
            try (InputStream in = exchange.getRequestBody()) {
                wire = in.readAllBytes();
            }
            long events;
            try {
                events = protocol.count(decode(wire, exchange.getRequestHeaders().getFirst("Content-Encoding")));
            }
            catch (IOException | RuntimeException ex) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            counters.received(events, wire.length);
            byte[] answer = protocol.answer(events);
            exchange.getResponseHeaders().set("Content-Type", protocol.contentType());
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static byte[] decode(byte[] wire, String encoding) throws IOException {
        if (encoding == null || !encoding.equalsIgnoreCase("gzip")) {
            return wire;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire), 8192)) {
            return in.readAllBytes();
        }
    }
}
