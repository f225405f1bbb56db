package dev.trajectory.spool;

import dev.trajectory.push.EncodedEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns one line of a file being replayed into an event to send. */
@FunctionalInterface
interface RecordDecoder {

    /** The event in the line, or {@code null} when the line is damaged. */
    @Nullable EncodedEvent decode(byte[] line, int index);

    /** Lines of spool segments: checksummed records. */
    static RecordDecoder segment() {
        return (line, index) -> {
            SpoolRecord record = SpoolRecord.decode(line);
            return record == null ? null : new EncodedEvent(index, record.eventId(), record.json());
        };
    }

    /** Lines of local mode's files: one event as JSON per line, its id in {@code event_id}. */
    static RecordDecoder localMode(JsonMapper mapper) {
        return (line, index) -> {
            try {
                JsonNode id = mapper.readTree(line).path("event_id");
                return id.isString() && !id.asString().isBlank() ? new EncodedEvent(index, id.asString(), line) : null;
            }
            catch (JacksonException ex) {
                return null;
            }
        };
    }
}
