package dev.trajectory.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import dev.trajectory.event.EventIds;

/** The events of one request, in order. */
public record EventChunk(List<EncodedEvent> events) {

    private static final byte[] PREFIX = "{\"events\":[".getBytes(StandardCharsets.UTF_8);

    private static final byte[] SUFFIX = "]}".getBytes(StandardCharsets.UTF_8);

    /** Bytes of the request body around the events themselves. */
    public static final int ENVELOPE_BYTES = PREFIX.length + SUFFIX.length;

    public EventChunk {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a chunk holds at least one event");
        }
        events = List.copyOf(events);
    }

    public int size() {
        return events.size();
    }

    /** Size of {@link #body()} in bytes. */
    public long bodyBytes() {
        return bodyBytes(events);
    }

    static long bodyBytes(List<EncodedEvent> events) {
        long bytes = ENVELOPE_BYTES + Math.max(0, events.size() - 1);
        for (EncodedEvent event : events) {
            bytes += event.json().length;
        }
        return bytes;
    }

    /** The request body, {@code {"events":[...]}}, as UTF-8 JSON. */
    public byte[] body() {
        return body(PREFIX, SUFFIX);
    }

    /** The items joined by commas between the given prefix and suffix, for envelopes other than events'. */
    byte[] body(byte[] prefix, byte[] suffix) {
        byte[] body = new byte[Math.toIntExact(bodyBytes(events) - ENVELOPE_BYTES + prefix.length + suffix.length)];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        int at = prefix.length;
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] json = events.get(i).json();
            System.arraycopy(json, 0, body, at, json.length);
            at += json.length;
        }
        System.arraycopy(suffix, 0, body, at, suffix.length);
        return body;
    }

    /**
     * The same for every attempt to send these events and different for any other set of events: the SHA-256 of the
     * event ids, in order, as hex.
     */
    public String idempotencyKey() {
        MessageDigest digest = EventIds.sha256();
        for (EncodedEvent event : events) {
            digest.update(event.eventId().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first and second half of this chunk; only for chunks of two or more events. */
    public List<EventChunk> halves() {
        int middle = events.size() / 2;
        return List.of(new EventChunk(events.subList(0, middle)), new EventChunk(events.subList(middle, events.size())));
    }
}
