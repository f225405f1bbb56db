package dev.trajectory.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.PushSettings;
import dev.trajectory.spool.EventSpool;
import dev.trajectory.spool.SpoolHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events that find the queue full go to the spool through the worker: the caller never waits for the disk or
 * the spool's lock, which a slow spool here makes visible.
 */
class QueueOverflowSpoolTest {

    private TrackingPipeline pipeline;

    @AfterEach
    void stop() {
        pipeline.shutdown(Duration.ofMillis(200));
    }

    @Test
    void aCallerThatFindsTheQueueFullNeverWritesToTheSpoolItself() throws InterruptedException {
        SlowSpool spool = new SlowSpool();
        // The backend never answers, so nothing leaves the pipeline but through the spool.
        EventPushService neverAnswers = new EventPushService((chunk, retries) -> Mono.never(),
                new EventValidator(new EventJsonWriter(TrajectoryJson.mapper()), PushSettings.DEFAULT_MAX_EVENT_BYTES),
                PushSettings.defaults());
        TrackingSettings settings = new TrackingSettings(100, 1_000, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofMinutes(30), 100);
        TrackingMetrics metrics = new TrackingMetrics(null);
        pipeline = TrackingPipeline.start(neverAnswers, settings, metrics, spool, false);

        for (int i = 0; i < 110; i++) {
            assertThat(pipeline.enqueue(TelemetryEvent.builder("load.test", "s").property("i", i).build()))
                    .as("event %d: 100 queued, then 10 waiting for the spool", i).isTrue();
        }

        assertThat(spool.keepStarted.await(10, TimeUnit.SECONDS)).as("the worker writes the overflow").isTrue();
        assertThat(spool.keepingThreads).containsExactly("trajectory-tracking");
        spool.release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.spooledCount()).isEqualTo(10));
        assertThat(spool.kept.get()).isEqualTo(10);
        assertThat(spool.keepingThreads).containsExactly("trajectory-tracking");
        assertThat(metrics.enqueuedCount()).isEqualTo(110);
    }

    /** A spool whose writes take as long as the test wants, recording which threads write. */
    private static final class SlowSpool implements EventSpool {

        final Set<String> keepingThreads = ConcurrentHashMap.newKeySet();

        final CountDownLatch keepStarted = new CountDownLatch(1);

        final CountDownLatch release = new CountDownLatch(1);

        final AtomicInteger kept = new AtomicInteger();

        @Override
        public void accepted(TelemetryEvent event) {
        }

        @Override
        public int keep(List<TelemetryEvent> events) {
            keepingThreads.add(Thread.currentThread().getName());
            keepStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            kept.addAndGet(events.size());
            return events.size();
        }

        @Override
        public void resolved(List<TelemetryEvent> events) {
        }

        @Override
        public SpoolHealth health() {
            return SpoolHealth.off();
        }

        @Override
        public void close() {
        }
    }
}
