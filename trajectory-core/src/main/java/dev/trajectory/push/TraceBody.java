package dev.trajectory.push;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.trajectory.event.EventValidator;
import dev.trajectory.event.InvalidEventException;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.trajectory.Trajectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run as one JSON document, {@code {"trajectory": …, "events": […]}}: the body of {@code POST /v1/traces} and the
 * content of a locally stored trace. Invalid events are left out and counted.
 *
 * @param json     the document as UTF-8
 * @param eventIds the ids of the events it holds, in order
 * @param skipped  events left out as invalid
 */
public record TraceBody(byte[] json, List<String> eventIds, int skipped) {

    private static final Logger logger = LoggerFactory.getLogger(TraceBody.class);

    /** Encodes the run, validating each event with the validator. */
    public static TraceBody encode(String traceId, Trajectory trajectory, List<TelemetryEvent> events,
            EventValidator validator, JsonMapper mapper) {
        List<byte[]> valid = new ArrayList<>(events.size());
        List<String> ids = new ArrayList<>(events.size());
        for (TelemetryEvent event : events) {
            try {
                valid.add(validator.validate(event));
                ids.add(event.eventId());
            }
            catch (InvalidEventException | RuntimeException ex) {
                logger.debug("Leaving invalid event {} out of trace {}: {}", event.eventId(), traceId, ex.getMessage());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"trajectory\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(mapper.writeValueAsBytes(trajectory));
        out.writeBytes(",\"events\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < valid.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(valid.get(i));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return new TraceBody(out.toByteArray(), List.copyOf(ids), events.size() - valid.size());
    }

    /** Number of events the document holds. */
    public int events() {
        return eventIds.size();
    }
}
