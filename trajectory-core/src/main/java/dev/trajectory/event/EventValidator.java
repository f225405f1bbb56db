package dev.trajectory.event;

import java.util.regex.Pattern;

/**
 * Checks an event and serialises it in one pass. An event is valid when its type is a dotted name, its session id
 * and event id are present and well formed, all property and metadata values are JSON-serialisable, and its JSON is
 * no larger than the per-event limit.
 */
public final class EventValidator {

    /** Dotted names such as {@code user.accept} or {@code agent.run.start}: at least two segments. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)+");

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private static final int MAX_EVENT_TYPE_LENGTH = 200;

    private static final int MAX_ID_LENGTH = 256;

    private final EventJsonWriter writer;

    private final long maxEventBytes;

    public EventValidator(EventJsonWriter writer, long maxEventBytes) {
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes must be positive but was " + maxEventBytes);
        }
        this.writer = writer;
        this.maxEventBytes = maxEventBytes;
    }

    /** The event's JSON, or an exception saying what is wrong with it. */
    public byte[] validate(TelemetryEvent event) throws InvalidEventException {
        checkEventType(event.eventType());
        checkPresent("session_id", event.sessionId());
        if (event.eventId() == null || !EVENT_ID.matcher(event.eventId()).matches()) {
            throw new InvalidEventException("event_id '" + abbreviate(event.eventId())
                    + "' must be 1 to 128 letters, digits or the characters _ . : -");
        }
        if (event.timestamp() == null) {
            throw new InvalidEventException("timestamp is missing");
        }
        byte[] json = writer.write(event);
        if (json.length > maxEventBytes) {
            throw new InvalidEventException("event is " + json.length + " bytes as JSON, over the limit of "
                    + maxEventBytes + " bytes");
        }
        return json;
    }

    private static void checkEventType(String eventType) throws InvalidEventException {
        checkPresent("event_type", eventType);
        if (eventType.length() > MAX_EVENT_TYPE_LENGTH || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new InvalidEventException("event_type '" + abbreviate(eventType)
                    + "' is not a dotted name such as 'user.accept'");
        }
    }

    private static void checkPresent(String field, String value) throws InvalidEventException {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidEventException(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
