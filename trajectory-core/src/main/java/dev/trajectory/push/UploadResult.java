package dev.trajectory.push;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of the trajectories of one upload. Every trajectory given is either delivered or failed.
 *
 * @param delivered  ids of the trajectories the backend holds now, stored by this upload or already held
 * @param accepted   trajectories stored for the first time
 * @param duplicates trajectories the backend already held under the same id (an earlier upload got through)
 * @param failures   the trajectories not delivered and why, in the order given
 */
public record UploadResult(List<String> delivered, int accepted, int duplicates, List<Failure> failures) {

    public UploadResult {
        delivered = List.copyOf(delivered);
        failures = List.copyOf(failures);
    }

    static UploadResult empty() {
        return new UploadResult(List.of(), 0, 0, List.of());
    }

    /** Whether every trajectory reached the backend. */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    UploadResult plus(UploadResult other) {
        List<String> ids = new ArrayList<>(delivered);
        ids.addAll(other.delivered);
        List<Failure> failed = new ArrayList<>(failures);
        failed.addAll(other.failures);
        failed.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new UploadResult(ids, accepted + other.accepted, duplicates + other.duplicates, failed);
    }

    /**
     * One trajectory that was not delivered.
     *
     * @param index        its position in the list given to the upload
     * @param trajectoryId its id, when it had one
     * @param reason       what went wrong, never containing the API key
     */
    public record Failure(int index, @Nullable String trajectoryId, String reason) {
    }
}
