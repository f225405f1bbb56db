package dev.trajectory.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.client.TrajectoryClient;
import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.push.TraceUploadResult;
import dev.trajectory.push.UploadResult;
import dev.trajectory.testing.TestClients;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.RunTrajectories;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStoresTest {

    @TempDir
    Path localDir;

    @TempDir
    Path configDir;

    @Test
    void inLocalModeAnUploadedRunIsStoredAndReadBackWithItsEvents() {
        try (TelemetryClient client = TestClients.isolated(configDir).localDirectory(localDir).build()) {
            TraceUploadResult result;
            String traceId;
            try (TraceContext trace = client.startTrace("s-1", "u-1")) {
                traceId = trace.traceId();
                trace.event("tool.call", Map.of("tool", "order_lookup", "note", "<script>alert(1)</script>"));
                trace.record(TelemetryEvent.builder("tool.result", "s-1").property("score", Double.NaN).build());
                result = client.uploadTrace(trace, RunTrajectories.of(trace, RunOutcome.SUCCESS, null));
            }

            assertThat(result.uploaded()).isTrue();
            assertThat(result.skippedEvents()).as("the NaN event").isEqualTo(1);
            assertThat(localDir.resolve("traces").resolve(traceId + ".json")).isRegularFile();
            LocalTraceStore store = store(10);
            StoredTrace stored = store.find(traceId).orElseThrow();
            assertThat(stored.events()).extracting(TelemetryEvent::eventType).contains("tool.call");
            assertThat(stored.events().get(0).properties().get("note")).isEqualTo("<script>alert(1)</script>");
            assertThat(stored.trajectory()).isNotNull();
            assertThat(store.recent(5)).extracting(StoredTrace::traceId).containsExactly(traceId);
        }
    }

    @Test
    void keepsOnlyTheNewestRuns() throws Exception {
        LocalTraceStore store = store(2);
        Trajectory trajectory = RunTrajectories.of(TraceContext.builder().build(), RunOutcome.SUCCESS, null);
        List<String> ids = List.of("run-1", "run-2", "run-3");
        for (String id : ids) {
            assertThat(store.upload(id, trajectory, List.of()).block().uploaded()).isTrue();
            int secondsAgo = 30 - 10 * ids.indexOf(id);
            Files.setLastModifiedTime(localDir.resolve("traces").resolve(id + ".json"),
                    FileTime.from(Instant.now().minusSeconds(secondsAgo)));
        }
        store.upload("run-4", trajectory, List.of()).block();

        assertThat(store.recent(10)).extracting(StoredTrace::traceId).containsExactly("run-4", "run-3");
        assertThat(store.find("run-1")).isEmpty();
    }

    @Test
    void aTraceIdThatCannotNameAFileIsRefusedNotWritten() {
        Trajectory trajectory = RunTrajectories.of(TraceContext.builder().build(), RunOutcome.SUCCESS, null);

        TraceUploadResult result = store(10).upload("../escape", trajectory, List.of()).block();

        assertThat(result.uploaded()).isFalse();
        assertThat(result.error()).contains("cannot name a file");
        assertThat(localDir.getParent().resolve("escape.json")).doesNotExist();
    }

    @Test
    void withoutAnApiKeyUploadingADatasetSavesItLocally() {
        TrajectoryClient client = TrajectoryClient.builder().localDirectory(localDir).build();
        Trajectory trajectory = RunTrajectories.of(TraceContext.builder().build(), RunOutcome.SUCCESS, null);

        UploadResult result = client.upload(List.of(trajectory), "support-evals");

        assertThat(result.isComplete()).isTrue();
        assertThat(result.delivered()).hasSize(1);
        assertThat(client.load(localDir.resolve("datasets").resolve("support-evals"))).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> client.upload(List.of(trajectory), "../up"));
    }

    private LocalTraceStore store(int maxTraces) {
        return new LocalTraceStore(localDir.resolve("traces"),
                new EventValidator(new EventJsonWriter(TrajectoryJson.mapper()), 256 * 1024), TrajectoryJson.mapper(),
                maxTraces);
    }
}
