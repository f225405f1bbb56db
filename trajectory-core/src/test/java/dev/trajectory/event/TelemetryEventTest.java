package dev.trajectory.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TelemetryEventTest {

    @Test
    void defaultsGiveARandomUuid4IdTheCurrentTimeAndTheSdkSource() {
        Instant before = Instant.now();
        TelemetryEvent event = TelemetryEvent.builder("user.accept", "s-1").build();

        assertThat(event.eventId()).matches("[0-9a-f]{32}");
        assertThat(event.eventId().charAt(12)).as("UUID version nibble").isEqualTo('4');
        assertThat("89ab").contains(String.valueOf(event.eventId().charAt(16)));
        assertThat(event.timestamp()).isBetween(before, Instant.now());
        assertThat(event.source()).isEqualTo("sdk");
        assertThat(event.properties()).isEmpty();
        assertThat(event.metadata()).isNull();
        assertThat(TelemetryEvent.builder("a.b", "s").build().eventId()).isNotEqualTo(event.eventId());
    }

    @Test
    void anExplicitTimestampBackdatesTheEvent() {
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        assertThat(TelemetryEvent.builder("user.accept", "s").timestamp(yesterday).build().timestamp())
                .isEqualTo(yesterday);
    }

    @Test
    void recordKeysGiveTheSameSha256EventIdEveryTime() {
        String id = TelemetryEvent.builder("order.paid", "s").eventIdFromRecordKey("orders:42").build().eventId();

        assertThat(id).hasSize(64).matches("[0-9a-f]+");
        assertThat(EventIds.fromRecordKey("orders:42")).isEqualTo(id);
        assertThat(EventIds.fromRecordKey("orders:43")).isNotEqualTo(id);
        // SHA-256("abc"), the FIPS 180-2 test vector
        assertThat(EventIds.fromRecordKey("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatIllegalArgumentException().isThrownBy(() -> EventIds.fromRecordKey(""));
    }

    @Test
    void propertiesAreCopiedSoLaterChangesToTheCallersMapDoNotLeakIn() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("plan", "pro");
        TelemetryEvent event = TelemetryEvent.builder("user.upgrade", "s").properties(properties).build();
        properties.put("plan", "free");

        assertThat(event.properties()).containsEntry("plan", "pro");
    }

    @Test
    void jsonUsesTheSnakeCaseWireNamesAndReadsBackEqual() {
        TelemetryEvent event = TelemetryEvent.builder("tool.call", "s-9")
                .property("tool", "lookup")
                .userId("u-1")
                .trajectoryId("traj-1")
                .traceId("trace-1")
                .metadata(Map.of("region", "eu"))
                .build();

        String json = TrajectoryJson.mapper().writeValueAsString(event);
        assertThat(json).contains("\"event_type\":\"tool.call\"", "\"session_id\":\"s-9\"", "\"event_id\":",
                "\"user_id\":\"u-1\"", "\"trajectory_id\":\"traj-1\"", "\"trace_id\":\"trace-1\"",
                "\"source\":\"sdk\"", "\"metadata\":{\"region\":\"eu\"}");
        assertThat(TrajectoryJson.mapper().readValue(json, TelemetryEvent.class)).isEqualTo(event);
    }
}
