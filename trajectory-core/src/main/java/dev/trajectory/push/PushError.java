package dev.trajectory.push;

import org.jspecify.annotations.Nullable;

/**
 * Why one event was not delivered.
 *
 * @param index   position of the event in the list given to the push
 * @param eventId the event's id, when it had one
 * @param cause   the kind of failure
 * @param reason  what went wrong, never containing the API key
 */
public record PushError(int index, @Nullable String eventId, Cause cause, String reason) {

    /** The kinds of failure, each calling for a different response from the caller. */
    public enum Cause {

        /** The event broke a rule and was never sent; sending it again will not help. */
        INVALID,

        /** Telemetry is off; nothing was sent. */
        NOT_SENT,

        /** The backend refused it (a 4xx answer or a per-event rejection). */
        REJECTED,

        /** The backend refused the API key (401 or 403). */
        KEY_REJECTED,

        /** It could not be delivered before the retries ran out; it may succeed later. */
        UNDELIVERED
    }

    /** One line naming the event and the reason, as written to the log. */
    public String message() {
        return "event[" + index + "]" + (eventId == null ? "" : " (event_id " + eventId + ")") + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
