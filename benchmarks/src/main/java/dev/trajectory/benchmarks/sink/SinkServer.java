package dev.trajectory.benchmarks.sink;

/**
 * Runs a {@link LoopbackSink} as a process of its own, so that parsing what arrives does not share the heap, the
 * garbage collector and the safepoints of the application being measured. Prints the sink's base URL as the first
 * line of standard output, serves until the process is stopped, then prints the counts.
 * Usage: {@code SinkServer [port]}; without a port, or with 0, a free one is taken.
 */
public final class SinkServer {

    private SinkServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        LoopbackSink sink = LoopbackSink.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WireCounters counters = sink.counters();
            System.out.println("received " + counters.events() + " events in " + counters.requests()
                    + " requests, " + counters.bodyBytes() + " body bytes");
            sink.close();
        }, "sink-shutdown"));
        System.out.println(sink.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
