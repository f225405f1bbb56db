package dev.trajectory.spool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.push.PushSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a child JVM tracking in write-ahead mode under load, then a restart on the same spool folder: the
 * backend ends up holding every event whose {@code track()} returned before the kill.
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
            Map<Integer, Long> lastAccepted = new ConcurrentHashMap<>();
            AtomicInteger acceptedLines = new AtomicInteger();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WriteAheadChild.class.getName(),
                    spoolDir.toString(), dir.resolve("config").toString(), backend.baseUrl(),
                    Integer.toString(THREADS)).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> readAccepted(child, lastAccepted, acceptedLines), "child-output");
            reader.setDaemon(true);
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> acceptedLines.get() >= ACCEPTED_BEFORE_KILL
                        && backend.distinctIds().size() >= DELIVERED_BEFORE_KILL);
            }
            finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                reader.join(5_000);
            }
            long deliveredBeforeKill = backend.distinctIds().size();

            backend.mode(IngestBackend.Mode.ACCEPT);
            Set<String> accepted = new HashSet<>();
            Set<String> unobservable = new HashSet<>();
            for (int t = 0; t < THREADS; t++) {
                long last = lastAccepted.getOrDefault(t, -1L);
                for (long n = 0; n <= last; n++) {
                    accepted.add("t" + t + "-" + n);
                }
                unobservable.add("t" + t + "-" + (last + 1));
            }
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
                        .until(() -> backend.missing(accepted).isEmpty());
                await().atMost(Duration.ofSeconds(30)).until(() -> restarted.spoolHealth().records() == 0);
            }
            finally {
                restarted.shutdown(Duration.ofSeconds(2));
            }

            Set<String> extra = new HashSet<>(backend.distinctIds());
            extra.removeAll(accepted);
            Figures.of("kill -9 in write-ahead mode, restart", accepted.size(), backend,
                    backend.missing(accepted).size()).print();
            System.out.printf("[reliability] delivered before the kill %d, by the replay after it %d%n",
                    deliveredBeforeKill, backend.distinctIds().size() - deliveredBeforeKill);
            assertThat(backend.missing(accepted)).as("accepted before the kill, not delivered").isEmpty();
            assertThat(extra).as("only calls cut off between track() returning and the line being printed")
                    .isSubsetOf(unobservable);
            assertThat(deliveredBeforeKill).as("the kill came while events were being delivered")
                    .isBetween((long) DELIVERED_BEFORE_KILL, accepted.size() - 1L);
        }
    }

    private static void readAccepted(Process child, Map<Integer, Long> lastAccepted, AtomicInteger count) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                List<String> parts = List.of(line.split(" "));
                if (parts.size() == 3 && parts.get(0).equals("A")) {
                    lastAccepted.merge(Integer.parseInt(parts.get(1)), Long.parseLong(parts.get(2)), Math::max);
                    count.incrementAndGet();
                }
            }
        }
        catch (Exception ex) {
            // the child was killed; what was read is what counts
        }
    }
}
