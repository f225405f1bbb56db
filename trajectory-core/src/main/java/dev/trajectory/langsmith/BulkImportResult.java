package dev.trajectory.langsmith;

import java.util.List;

import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk import did: the trajectories read from export files, or, for a live export, the completed export and
 * where its files are (no trajectories: download the files, then import them as a source).
 *
 * @param trajectories one per conversation, failures included as trajectories with {@code error}
 * @param export       the live export, or {@code null} when files were read
 */
public record BulkImportResult(List<Trajectory> trajectories, @Nullable BulkExport export) {

    public BulkImportResult {
        trajectories = List.copyOf(trajectories);
    }

    public static BulkImportResult imported(List<Trajectory> trajectories) {
        return new BulkImportResult(trajectories, null);
    }

    public static BulkImportResult exported(BulkExport export) {
        return new BulkImportResult(List.of(), export);
    }
}
