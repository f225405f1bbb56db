package dev.trajectory.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trajectory.json.TrajectoryJson;

/**
 * A small ingest API on loopback that stores events by event_id, as the real backend does: a repeated id is a
 * duplicate, answered as such and stored once. Its behaviour can be switched while a test runs.
 */
final class IngestBackend implements AutoCloseable {

    /** How the backend answers {@code POST /v1/events}. */
    enum Mode {

        /** Stores the events and answers 200 with the documented counts. */
        ACCEPT,

        /** Answers 503 without reading the events. */
        UNAVAILABLE,

        /** Answers 429 with {@code Retry-After: 1} for the next {@link #tooManyRequests(int)} requests. */
        TOO_MANY_REQUESTS,

        /** Stores the events, then drops the connection without an answer the first time it sees a request. */
        RESET_AFTER_READ,

        /** Answers after {@link #slowBy(Duration)}. */
        SLOW
    }

    /**
     * One request as the backend saw it.
     *
     * @param arrivedNanos   when it arrived
     * @param answeredNanos  when the answer (or the reset) went out
     * @param status         the status answered, 0 for a reset
     * @param retryAfterSecs the Retry-After sent, 0 when none
     */
    record Exchange(long arrivedNanos, long answeredNanos, int status, int retryAfterSecs) {
    }

    private final HttpServer server;

    private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "ingest-backend");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    private final Set<String> seenRequests = ConcurrentHashMap.newKeySet();

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    private final AtomicInteger tooManyLeft = new AtomicInteger();

    private volatile Mode mode = Mode.ACCEPT;

    private volatile Duration slowBy = Duration.ZERO;

    IngestBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/events", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    IngestBackend mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    IngestBackend tooManyRequests(int count) {
        tooManyLeft.set(count);
        return mode(Mode.TOO_MANY_REQUESTS);
    }

    IngestBackend slowBy(Duration delay) {
        this.slowBy = delay;
        return mode(Mode.SLOW);
    }

    /** Distinct event ids stored. */
    Set<String> distinctIds() {
        return Set.copyOf(received.keySet());
    }

    /** Events that arrived, repeats included. */
    long arrivals() {
        return received.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            byte[] body = read(exchange);
            Mode current = mode;
            if (current == Mode.TOO_MANY_REQUESTS && tooManyLeft.getAndDecrement() <= 0) {
                current = Mode.ACCEPT;
            }
            switch (current) {
                case UNAVAILABLE -> answer(exchange, arrived, 503, 0, "");
                case TOO_MANY_REQUESTS -> answer(exchange, arrived, 429, 1, "");
                case RESET_AFTER_READ -> {
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    String counts = store(body);
                    if (seenRequests.add(key)) {
                        exchanges.add(new Exchange(arrived, System.nanoTime(), 0, 0));
                        throw new IOException("resetting the connection after reading the request");
                    }
                    answer(exchange, arrived, 200, 0, counts);
                }
                case SLOW -> {
                    sleep(slowBy);
                    answer(exchange, arrived, 200, 0, store(body));
                }
                case ACCEPT -> answer(exchange, arrived, 200, 0, store(body));
            }
        }
    }

    private String store(byte[] body) {
        int accepted = 0;
        int duplicates = 0;
        for (var event : TrajectoryJson.mapper().readTree(body).get("events")) {
            AtomicInteger count = received.computeIfAbsent(event.get("event_id").asString(), id -> new AtomicInteger());
            if (count.incrementAndGet() == 1) {
                accepted++;
            }
            else {
                duplicates++;
            }
        }
        return "{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + ",\"rejected\":[]}";
    }

    private void answer(HttpExchange exchange, long arrived, int status, int retryAfterSecs, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (retryAfterSecs > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSecs));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchanges.add(new Exchange(arrived, System.nanoTime(), status, retryAfterSecs));
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (!"gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ids in {@code expected} the backend does not hold. */
    List<String> missing(Iterable<String> expected) {
        List<String> missing = new ArrayList<>();
        expected.forEach(id -> {
            if (!received.containsKey(id)) {
                missing.add(id);
            }
        });
        return missing;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
