package dev.trajectory.trace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.tracking.ErrorDetails;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTests {

    @Test
    void eventsCarryTheTraceIdAndTheSessionDefaultsToIt() {
        TraceContext trace = TraceContext.builder().userId("u-1").build();

        TelemetryEvent event = trace.event("tool.call", Map.of("tool", "search"));

        assertThat(event.traceId()).isEqualTo(trace.traceId()).hasSize(32);
        assertThat(event.sessionId()).isEqualTo(trace.traceId());
        assertThat(event.userId()).isEqualTo("u-1");
        assertThat(trace.events()).containsExactly(event);
    }

    @Test
    void anEventCanOverrideUserAndSession() {
        TraceContext trace = TraceContext.builder().traceId("t-1").sessionId("s-1").userId("u-1").build();

        TelemetryEvent event = trace.event("user.reply", Map.of(), "u-2", "s-2");

        assertThat(event.traceId()).isEqualTo("t-1");
        assertThat(event.userId()).isEqualTo("u-2");
        assertThat(event.sessionId()).isEqualTo("s-2");
    }

    @Test
    void theBufferKeepsAtMostMaxEventsAndCountsTheRest() {
        TraceContext trace = TraceContext.builder().maxEvents(3).build();

        for (int i = 0; i < 10; i++) {
            trace.event("step.done", Map.of("i", i));
        }

        assertThat(trace.events()).hasSize(3);
        assertThat(trace.droppedEvents()).isEqualTo(7);
    }

    @Test
    void recordingAnOutsideEventStampsTheTraceIdAndKeepsItsOwnSession() {
        TraceContext trace = TraceContext.builder().traceId("t-9").distributedTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();

        trace.record(TelemetryEvent.builder("user.accept", "s-own").build());

        assertThat(trace.events()).singleElement().satisfies(event -> {
            assertThat(event.traceId()).isEqualTo("t-9");
            assertThat(event.sessionId()).isEqualTo("s-own");
            assertThat(event.metadata()).containsEntry(TraceContext.DISTRIBUTED_TRACE_ID,
                    "4bf92f3577b34da6a3ce929d0e0e4736");
        });
    }

    @Test
    void anAttachmentIsCreatedOnceAndLivesWithItsRun() {
        TraceContext trace = TraceContext.builder().build();
        StringBuilder first = trace.attachment(StringBuilder.class, StringBuilder::new);

        StringBuilder second = trace.attachment(StringBuilder.class, () -> new StringBuilder("other"));

        assertThat(second).isSameAs(first);
        assertThat(trace.attachment(StringBuilder.class)).isSameAs(first);
        assertThat(TraceContext.builder().build().attachment(StringBuilder.class)).isNull();
    }

    @Test
    void eventTimestampsComeFromTheClock() {
        Instant now = Instant.parse("2026-11-21T10:15:30Z");
        TraceContext trace = TraceContext.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        assertThat(trace.event("a.b", Map.of()).timestamp()).isEqualTo(now);
    }

    @Test
    void closingAStartedTraceRestoresTheOuterOne() {
        try (TraceContext outer = TraceContext.builder().start()) {
            try (TraceContext inner = TraceContext.builder().start()) {
                assertThat(TraceContext.current()).containsSame(inner);
            }
            assertThat(TraceContext.current()).containsSame(outer);
        }
        assertThat(TraceContext.current()).isEmpty();
    }

    @Test
    void theCurrentTraceCrossesToAnotherThreadThroughContextPropagation() throws Exception {
        ExecutorService executor = ContextExecutorService.wrap(Executors.newSingleThreadExecutor(),
                () -> ContextSnapshotFactory.builder().build().captureAll());
        try (TraceContext trace = TraceContext.builder().start()) {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(
                    () -> TraceContext.current().map(TraceContext::traceId).orElse("none"), executor);

            assertThat(seen.get()).isEqualTo(trace.traceId());
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void stackTracesAreCutToTheLimitAndCausesListed() {
        RuntimeException error = new RuntimeException("outer", new IllegalStateException("inner"));

        Map<String, Object> full = ErrorDetails.of(error, 100_000);
        Map<String, Object> cut = ErrorDetails.of(deepError(500), 2000);

        assertThat(full.get("causes")).asString().contains("java.lang.IllegalStateException", "inner");
        assertThat((String) cut.get("stack_trace")).hasSizeLessThanOrEqualTo(2000).startsWith("java.lang.RuntimeException: deep");
    }

    private static RuntimeException deepError(int depth) {
        return depth == 0 ? new RuntimeException("deep") : deepError(depth - 1);
    }
}
