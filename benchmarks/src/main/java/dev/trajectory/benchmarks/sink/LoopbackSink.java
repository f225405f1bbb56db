package dev.trajectory.benchmarks.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 and a free port that serves every {@link Protocol} and counts what arrives, and tells
 * the counts at {@code GET /counts}. It binds to the loopback address only and stops when closed.
 */
public final class LoopbackSink implements AutoCloseable {

    private static final int HANDLER_THREADS = 2;

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
        // every response waits ~40 ms; read once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;

    private final ExecutorService executor;

    private final WireCounters counters = new WireCounters();

    private LoopbackSink(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a sink on a free loopback port. */
    public static LoopbackSink start() {
        return start(0);
    }

    /** Starts a sink on the given loopback port, or a free one when it is 0. */
    public static LoopbackSink start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
                Thread thread = new Thread(runnable, "loopback-sink");
                thread.setDaemon(true);
                return thread;
            });
            LoopbackSink sink = new LoopbackSink(server, executor);
            for (Protocol protocol : Protocol.values()) {
                server.createContext(protocol.path(), new IngestHandler(protocol, sink.counters));
            }
            server.createContext(CountsHandler.PATH, new CountsHandler(sink.counters));
            server.setExecutor(executor);
            server.start();
            return sink;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start the loopback sink", ex);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public WireCounters counters() {
        return counters;
    }

    /** Waits until at least {@code events} events have arrived, polling every 100 µs, at most {@code timeout}. */
    public void awaitEvents(long events, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counters.events() < events) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("the sink received " + counters.events() + " of " + events
                        + " events within " + timeout);
            }
            LockSupport.parkNanos(100_000);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
