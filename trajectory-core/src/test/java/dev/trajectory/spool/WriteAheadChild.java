package dev.trajectory.spool;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.PushSettings;
import dev.trajectory.tracking.TrackingSettings;

/**
 * The process {@link WriteAheadCrashTest} kills: tracks events in write-ahead mode from several threads until it is
 * killed, at about a thousand events a second per thread. After each {@code track()} it appends {@code A <thread> <n>}
 * to the calls file when the event was accepted, {@code R <thread> <n>} when it was refused. Event ids are
 * {@code t<thread>-<n>}, numbered in order per thread.
 *
 * <p>Each line is one append to a file rather than a line on standard output: what was appended survives the kill
 * whole, and never waits for, or mixes with, the log output the parent reads through a pipe.
 */
public final class WriteAheadChild {

    private WriteAheadChild() {
    }

    public static void main(String[] args) throws Exception {
        Path spoolDir = Path.of(args[0]);
        Path configDir = Path.of(args[1]);
        String baseUrl = args[2];
        int threads = Integer.parseInt(args[3]);
        OutputStream calls = new FileOutputStream(args[4], true);
        TelemetryClient client = TelemetryClient.builder().apiKey("tk_test").baseUrl(baseUrl)
                .configDirectory(configDir).localDirectory(configDir).environment(name -> null)
                .registerShutdownHook(false)
                .pushSettings(new PushSettings(100, 1, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
                        PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(2), Duration.ofMillis(10),
                        Duration.ofMillis(100)))
                .trackingSettings(new TrackingSettings(500, 100, Duration.ofMillis(50), Duration.ofSeconds(5),
                        Duration.ofMinutes(30), 1_000))
                .spool(new SpoolSettings(spoolDir, 64L << 20, 1L << 20, DurabilityMode.WRITE_AHEAD,
                        Duration.ofMillis(100), 256L << 10, Duration.ofMillis(200), false))
                .build();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread tracker = new Thread(() -> {
                for (long n = 0; ; n++) {
                    TelemetryEvent event = client.event("load.crash", "s-" + thread)
                            .eventId("t" + thread + "-" + n).property("n", n).build();
                    boolean accepted = client.track(event);
                    append(calls, (accepted ? "A " : "R ") + thread + " " + n + "\n");
                    pause();
                }
            }, "tracker-" + t);
            tracker.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** One write of the whole line, so that concurrent appends never interleave inside a line. */
    private static void append(OutputStream calls, String line) {
        try {
            calls.write(line.getBytes(StandardCharsets.US_ASCII));
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot record a call", ex);
        }
    }

    /** About a thousand events a second per thread: load the backend cannot keep up with, for a few seconds. */
    private static void pause() {
        try {
            Thread.sleep(1);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
