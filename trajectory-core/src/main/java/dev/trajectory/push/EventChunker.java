package dev.trajectory.push;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list of events into chunks holding at most a number of events and a number of body bytes. */
final class EventChunker {

    private EventChunker() {
    }

    static List<EventChunk> chunk(List<EncodedEvent> events, int maxEvents, long maxBodyBytes) {
        List<EventChunk> chunks = new ArrayList<>();
        List<EncodedEvent> current = new ArrayList<>();
        long currentBytes = EventChunk.ENVELOPE_BYTES;
        for (EncodedEvent event : events) {
            long added = event.json().length + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (current.size() == maxEvents || currentBytes + added > maxBodyBytes)) {
                chunks.add(new EventChunk(current));
                current = new ArrayList<>();
                currentBytes = EventChunk.ENVELOPE_BYTES;
                added = event.json().length;
            }
            current.add(event);
            currentBytes += added;
        }
        if (!current.isEmpty()) {
            chunks.add(new EventChunk(current));
        }
        return chunks;
    }
}
