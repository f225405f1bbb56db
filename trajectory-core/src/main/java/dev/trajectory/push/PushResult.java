package dev.trajectory.push;

import java.util.ArrayList;
import java.util.List;

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
