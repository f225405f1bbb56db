package dev.trajectory.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.push.PushSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a child JVM tracking in write-ahead mode under load, then a restart on the same spool folder: the
 * backend ends up holding every event whose {@code track()} returned before the kill, and none that was refused.
 */
class WriteAheadCrashTest {

    private static final int THREADS = 4;

    private static final int ACCEPTED_BEFORE_KILL = 4_000;

    private static final int DELIVERED_BEFORE_KILL = 500;

    @TempDir
    Path dir;

    @Test
    void afterAKillDashNineInWriteAheadModeTheRestartDeliversEverythingTrackAccepted() throws Exception {
        try (IngestBackend backend = new IngestBackend()) {
            backend.slowBy(Duration.ofMillis(50));
            Path spoolDir = dir.resolve("spool");
            Path callsFile = dir.resolve("calls.txt");

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WriteAheadChild.class.getName(),
                    spoolDir.toString(), dir.resolve("config").toString(), backend.baseUrl(),
                    Integer.toString(THREADS), callsFile.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> Calls.read(callsFile).acceptedCount() >= ACCEPTED_BEFORE_KILL
                                && backend.distinctIds().size() >= DELIVERED_BEFORE_KILL);
            }
            finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            long deliveredBeforeKill = backend.distinctIds().size();
            Calls calls = Calls.read(callsFile);

            backend.mode(IngestBackend.Mode.ACCEPT);
            TelemetryClient restarted = TelemetryClient.builder().apiKey("tk_test").baseUrl(backend.baseUrl())
                    .configDirectory(dir.resolve("config")).localDirectory(dir.resolve("config"))
                    .environment(name -> null).registerShutdownHook(false)
                    .pushSettings(new PushSettings(500, 1, PushSettings.DEFAULT_MAX_REQUEST_BYTES,
                            PushSettings.DEFAULT_MAX_EVENT_BYTES, Duration.ofSeconds(5), Duration.ofMillis(10),
                            Duration.ofMillis(100)))
                    .spool(SpoolSettings.defaults(spoolDir).withDurability(DurabilityMode.WRITE_AHEAD)
                            .withReplayInterval(Duration.ofMillis(200)))
                    .build();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> backend.missing(calls.accepted()).isEmpty());
                await().atMost(Duration.ofSeconds(30)).until(() -> restarted.spoolHealth().records() == 0);
            }
            finally {
                restarted.shutdown(Duration.ofSeconds(2));
            }

            Set<String> extra = new HashSet<>(backend.distinctIds());
            extra.removeAll(calls.accepted());
            Figures.of("kill -9 in write-ahead mode, restart", calls.accepted().size(), backend,
                    backend.missing(calls.accepted()).size()).print();
            System.out.printf("[reliability] delivered before the kill %d, by the replay after it %d; refused %d%n",
                    deliveredBeforeKill, backend.distinctIds().size() - deliveredBeforeKill, calls.refused().size());
            assertThat(backend.missing(calls.accepted())).as("accepted before the kill, not delivered").isEmpty();
            assertThat(extra).as("only calls cut off between track() returning and its line being written")
                    .isSubsetOf(calls.unobservable());
            assertThat(deliveredBeforeKill).as("the kill came while events were being delivered")
                    .isBetween((long) DELIVERED_BEFORE_KILL, calls.accepted().size() - 1L);
        }
    }

    /**
     * What the child wrote about its calls: the ids {@code track()} accepted, those it refused, and for each thread
     * the id after its last line, whose call may have been under way at the kill.
     */
    private record Calls(Set<String> accepted, Set<String> refused, Set<String> unobservable) {

        static Calls read(Path file) throws IOException {
            Set<String> accepted = new HashSet<>();
            Set<String> refused = new HashSet<>();
            Map<Integer, Long> lastCall = new HashMap<>();
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.US_ASCII);
                // read while the child writes, the last line may not be whole yet
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).lines().toList()) {
                    List<String> parts = List.of(line.split(" "));
                    int thread = Integer.parseInt(parts.get(1));
                    long n = Long.parseLong(parts.get(2));
                    (parts.get(0).equals("A") ? accepted : refused).add("t" + thread + "-" + n);
                    lastCall.merge(thread, n, Math::max);
                }
            }
            Set<String> unobservable = new HashSet<>();
            for (int t = 0; t < THREADS; t++) {
                unobservable.add("t" + t + "-" + (lastCall.getOrDefault(t, -1L) + 1));
            }
            return new Calls(accepted, refused, unobservable);
        }

        int acceptedCount() {
            return accepted.size();
        }
    }
}
