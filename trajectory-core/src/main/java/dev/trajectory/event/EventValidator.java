package dev.trajectory.event;

/**
 * Checks an event and serialises it in one pass. An event is valid when its type is a dotted name, its session id
 * and event id are present and well formed, all property and metadata values are JSON-serialisable, and its JSON is
 * no larger than the per-event limit.
 */
public final class EventValidator {

    private static final int MAX_EVENT_ID_LENGTH = 128;

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
        if (!isEventId(event.eventId())) {
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
        if (eventType.length() > MAX_EVENT_TYPE_LENGTH || !isDottedName(eventType)) {
            throw new InvalidEventException("event_type '" + abbreviate(eventType)
                    + "' is not a dotted name such as 'user.accept'");
        }
    }

    // The two checks below run for every event sent, so they are written out rather than regular expressions.

    /** Whether the type is a dotted name such as {@code user.accept}: two or more non-empty segments. */
    static boolean isDottedName(String eventType) {
        int segments = 1;
        int segmentLength = 0;
        for (int i = 0; i < eventType.length(); i++) {
            char c = eventType.charAt(i);
            if (c == '.') {
                if (segmentLength == 0) {
                    return false;
                }
                segments++;
                segmentLength = 0;
            }
            else if (isAsciiLetterOrDigit(c) || c == '_' || c == '$' || c == '-') {
                segmentLength++;
            }
            else {
                return false;
            }
        }
        return segments >= 2 && segmentLength > 0;
    }

    /** Whether the id is 1 to 128 letters, digits or the characters {@code _ . : -}. */
    static boolean isEventId(String eventId) {
        if (eventId == null || eventId.isEmpty() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < eventId.length(); i++) {
            char c = eventId.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
