package dev.trajectory.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventValidatorTest {

    private final EventValidator validator = new EventValidator(new EventJsonWriter(TrajectoryJson.mapper()), 1024);

    @Test
    void writesTheDocumentedJsonForSupportedValueTypes() throws Exception {
        enum Plan { PRO }
        TelemetryEvent event = TelemetryEvent.builder("user.accept", "s-1")
                .eventId("e1")
                .timestamp(Instant.parse("2026-11-21T10:15:30Z"))
                .property("text", "hi")
                .property("count", 3)
                .property("big", new BigDecimal("12.50"))
                .property("ratio", 0.5)
                .property("ok", true)
                .property("plan", Plan.PRO)
                .property("at", Instant.parse("2026-01-01T00:00:00Z"))
                .property("id", UUID.fromString("00000000-0000-0000-0000-000000000001"))
                .property("tags", List.of("a", "b"))
                .property("scores", new int[] { 1, 2 })
                .property("nested", Map.of("k", Map.of("deep", 1)))
                .property("none", null)
                .build();

        JsonNode json = TrajectoryJson.mapper().readTree(validator.validate(event));

        assertThat(json.get("event_type").asString()).isEqualTo("user.accept");
        assertThat(json.get("session_id").asString()).isEqualTo("s-1");
        assertThat(json.get("event_id").asString()).isEqualTo("e1");
        assertThat(json.get("timestamp").asString()).isEqualTo("2026-11-21T10:15:30Z");
        assertThat(json.get("source").asString()).isEqualTo("sdk");
        assertThat(json.has("user_id")).as("absent optional fields are omitted").isFalse();
        JsonNode properties = json.get("properties");
        assertThat(properties.get("count").asInt()).isEqualTo(3);
        assertThat(properties.get("big").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(properties.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(properties.get("ok").asBoolean()).isTrue();
        assertThat(properties.get("plan").asString()).isEqualTo("PRO");
        assertThat(properties.get("at").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(properties.get("id").asString()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(properties.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(properties.get("scores").toString()).isEqualTo("[1,2]");
        assertThat(properties.get("nested").get("k").get("deep").asInt()).isEqualTo(1);
        assertThat(properties.get("none").isNull()).isTrue();
    }

    @Test
    void refusesBlankOrMalformedEventTypes() {
        assertInvalid(event("", "s"), "event_type is blank");
        assertInvalid(event("accept", "s"), "event_type 'accept' is not a dotted name");
        assertInvalid(event("user..accept", "s"), "is not a dotted name");
        assertInvalid(event("user accept.now", "s"), "is not a dotted name");
    }

    @Test
    void checksDottedNamesAndIdsCharacterByCharacter() {
        assertThat(EventValidator.isDottedName("user.accept")).isTrue();
        assertThat(EventValidator.isDottedName("agent.run.start")).isTrue();
        assertThat(EventValidator.isDottedName("a_$-9.Z")).isTrue();
        assertThat(EventValidator.isDottedName("user.")).isFalse();
        assertThat(EventValidator.isDottedName(".user")).isFalse();
        assertThat(EventValidator.isDottedName("user.accept.")).isFalse();
        assertThat(EventValidator.isDottedName("usér.accept")).as("ASCII letters only").isFalse();
        assertThat(EventValidator.isDottedName("user/accept.x")).isFalse();

        assertThat(EventValidator.isEventId("e1")).isTrue();
        assertThat(EventValidator.isEventId("run:42.step_3-a")).isTrue();
        assertThat(EventValidator.isEventId("x".repeat(128))).isTrue();
        assertThat(EventValidator.isEventId("x".repeat(129))).isFalse();
        assertThat(EventValidator.isEventId("")).isFalse();
        assertThat(EventValidator.isEventId(null)).isFalse();
        assertThat(EventValidator.isEventId("orders/42")).isFalse();
        assertThat(EventValidator.isEventId("id with space")).isFalse();
    }

    @Test
    void refusesABlankSessionId() {
        assertInvalid(event("user.accept", " "), "session_id is blank");
        assertInvalid(TelemetryEvent.builder().eventType("user.accept").build(), "session_id is blank");
    }

    @Test
    void refusesNanAndInfinityNamingThePath() {
        assertInvalid(event("a.b", "s").toBuilder().property("score", Double.NaN).build(),
                "properties.score is NaN");
        assertInvalid(event("a.b", "s").toBuilder().property("list", List.of(1.0, Float.POSITIVE_INFINITY)).build(),
                "properties.list[1] is infinite");
    }

    @Test
    void refusesReferenceCyclesInMapsListsAndArrays() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        assertInvalid(event("a.b", "s").toBuilder().property("loop", cyclic).build(),
                "properties.loop.self contains itself");

        List<Object> list = new ArrayList<>();
        list.add(list);
        assertInvalid(event("a.b", "s").toBuilder().property("loop", list).build(), "properties.loop[0] contains itself");

        Object[] array = new Object[1];
        array[0] = array;
        assertInvalid(event("a.b", "s").toBuilder().property("loop", array).build(), "contains itself");
    }

    @Test
    void allowsTheSameMapTwiceWhenItIsNotACycle() throws Exception {
        Map<String, Object> shared = Map.of("x", 1);
        TelemetryEvent event = event("a.b", "s").toBuilder().property("first", shared).property("second", shared)
                .build();
        assertThat(new String(validator.validate(event))).contains("\"first\":{\"x\":1},\"second\":{\"x\":1}");
    }

    @Test
    void refusesUnsupportedTypesNamingTheTypeAndPath() {
        assertInvalid(event("a.b", "s").toBuilder().property("thread", Thread.currentThread()).build(),
                "properties.thread has unsupported type java.lang.Thread");
        assertInvalid(event("a.b", "s").toBuilder().metadata(Map.of("m", new Object())).build(),
                "metadata.m has unsupported type java.lang.Object");
    }

    @Test
    void refusesEventsOverTheSizeLimit() {
        assertInvalid(event("a.b", "s").toBuilder().property("text", "x".repeat(2000)).build(),
                "over the limit of 1024 bytes");
    }

    @Test
    void refusesMalformedEventIds() {
        assertInvalid(event("a.b", "s").toBuilder().eventId("has space").build(), "event_id 'has space'");
    }

    private static TelemetryEvent event(String type, String session) {
        return TelemetryEvent.builder(type, session).build();
    }

    private void assertInvalid(TelemetryEvent event, String message) {
        assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> validator.validate(event))
                .withMessageContaining(message);
    }
}
