package dev.trajectory.push;

import java.util.ArrayList;
import java.util.List;

import dev.trajectory.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/**
 * What became of the events of one push. Every event given is counted exactly once:
 * {@code pushed + duplicates + skipped + failed} equals the number of events pushed.
 *
 * @param pushed     events the backend accepted and stored for the first time
 * @param duplicates events the backend already held under the same event_id (delivered before, not stored again)
 * @param skipped    events dropped on the client as invalid; each has an entry in {@code errors}
 * @param failed     valid events that were not delivered (retries exhausted, rejected by the backend, key
 *                   rejected); each has an entry in {@code errors}
 * @param errors     one entry per skipped or failed event, in the order the events were given
 */
public record PushResult(int pushed, int duplicates, int skipped, int failed, List<PushError> errors) {

    public PushResult {
        errors = List.copyOf(errors);
    }

    /** A result with nothing in it. */
    public static PushResult empty() {
        return new PushResult(0, 0, 0, 0, List.of());
    }

    /** A result counting every event as skipped for the same reason, such as telemetry being switched off. */
    public static PushResult notSent(List<? extends @Nullable TelemetryEvent> events, String reason) {
        List<PushError> errors = errorsFor(events, PushError.Cause.NOT_SENT, reason);
        return new PushResult(0, 0, errors.size(), 0, errors);
    }

    /** A result counting every event as failed for the same reason. */
    public static PushResult undelivered(List<? extends @Nullable TelemetryEvent> events, String reason) {
        List<PushError> errors = errorsFor(events, PushError.Cause.UNDELIVERED, reason);
        return new PushResult(0, 0, 0, errors.size(), errors);
    }

    private static List<PushError> errorsFor(List<? extends @Nullable TelemetryEvent> events, PushError.Cause cause,
            String reason) {
        List<PushError> errors = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            TelemetryEvent event = events.get(index);
            errors.add(new PushError(index, event == null ? null : event.eventId(), cause, reason));
        }
        return errors;
    }

    /** Whether every valid event reached the backend (accepted or recognised as a duplicate). */
    public boolean isComplete() {
        return skipped == 0 && failed == 0;
    }

    /** Number of events this result accounts for. */
    public int total() {
        return pushed + duplicates + skipped + failed;
    }

    /** The two results added together, errors ordered by event index. */
    public PushResult plus(PushResult other) {
        List<PushError> merged = new ArrayList<>(errors.size() + other.errors.size());
        merged.addAll(errors);
        merged.addAll(other.errors);
        merged.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new PushResult(pushed + other.pushed, duplicates + other.duplicates, skipped + other.skipped,
                failed + other.failed, merged);
    }
}
