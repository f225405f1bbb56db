package dev.trajectory.push;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventChunkerTest {

    @Test
    void cutsByCount() {
        List<EventChunk> chunks = EventChunker.chunk(events(25, 10), 10, 1_000_000);
        assertThat(chunks).extracting(EventChunk::size).containsExactly(10, 10, 5);
    }

    @Test
    void cutsByBodyBytesSoNoRequestExceedsTheCap() {
        // each event is 100 bytes; a body of n events is 13 + 100n + (n - 1) bytes
        List<EventChunk> chunks = EventChunker.chunk(events(10, 100), 1000, 13 + 3 * 100 + 2);
        assertThat(chunks).extracting(EventChunk::size).containsExactly(3, 3, 3, 1);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.body().length).isEqualTo(chunk.bodyBytes()).isLessThanOrEqualTo(315);
        });
    }

    @Test
    void anotherEnvelopeHoldsTheSameItemsBetweenItsOwnPrefixAndSuffix() {
        EventChunk chunk = new EventChunk(events(3, 10));
        String items = chunk.events().stream().map(event -> new String(event.json(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "," + b).orElseThrow();

        byte[] body = chunk.body("{\"dataset\":\"d\",\"trajectories\":[".getBytes(StandardCharsets.UTF_8),
                "]}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"dataset\":\"d\",\"trajectories\":["
                + items + "]}");
        assertThat(new String(chunk.body(), StandardCharsets.UTF_8)).isEqualTo("{\"events\":[" + items + "]}");
    }

    @Test
    void keepsTheCallersOrderAcrossChunks() {
        List<EventChunk> chunks = EventChunker.chunk(events(7, 10), 3, 1_000_000);
        assertThat(chunks.stream().flatMap(chunk -> chunk.events().stream()).map(EncodedEvent::index))
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void idempotencyKeyDependsOnlyOnTheEventIds() {
        EventChunk chunk = new EventChunk(events(3, 10));
        assertThat(new EventChunk(events(3, 10)).idempotencyKey()).isEqualTo(chunk.idempotencyKey());
        assertThat(chunk.halves().get(0).idempotencyKey()).isNotEqualTo(chunk.idempotencyKey());
        assertThat(chunk.idempotencyKey()).matches("[0-9a-f]{64}");
    }

    private static List<EncodedEvent> events(int count, int bytesEach) {
        List<EncodedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String json = "{\"n\":\"" + "x".repeat(bytesEach - 8) + "\"}";
            events.add(new EncodedEvent(i, "id-" + i, json.getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }
}
