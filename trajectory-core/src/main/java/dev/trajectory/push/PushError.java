package dev.trajectory.push;

import org.jspecify.annotations.Nullable;

/**
 * Why one event was not delivered.
 *
 * @param index   position of the event in the list given to the push
 * @param eventId the event's id, when it had one
 * @param reason  what went wrong, never containing the API key
 */
public record PushError(int index, @Nullable String eventId, String reason) {

    /** One line naming the event and the reason, as written to the log. */
    public String message() {
        return "event[" + index + "]" + (eventId == null ? "" : " (event_id " + eventId + ")") + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
