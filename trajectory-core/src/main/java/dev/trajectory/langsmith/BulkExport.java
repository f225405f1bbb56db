package dev.trajectory.langsmith;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A LangSmith bulk export as its status request last described it.
 *
 * @param id            the export's id
 * @param status        as LangSmith spelled it; compare with {@link #isCompleted()} and {@link #isFailed()}, which
 *                      ignore case
 * @param sessionId     the exported project
 * @param tenantId      the workspace, when LangSmith says it
 * @param destinationId the bulk-export destination the files go to
 * @param error         LangSmith's reason for a failure, when it gives one
 * @param location      where the files were written: {@code s3://bucket/prefix/export_id=…/…} when the destination
 *                      could be read, else a description naming the destination
 */
public record BulkExport(String id, String status, @Nullable String sessionId, @Nullable String tenantId,
        @Nullable String destinationId, @Nullable String error, @Nullable String location) {

    private static final Set<String> FAILED = Set.of("FAILED", "CANCELLED", "CANCELED", "TIMEDOUT");

    /** Whether LangSmith wrote every file. */
    public boolean isCompleted() {
        return "COMPLETED".equals(normalized());
    }

    /** Whether the export ended without its files: failed, cancelled or timed out. */
    public boolean isFailed() {
        return FAILED.contains(normalized());
    }

    public boolean isFinished() {
        return isCompleted() || isFailed();
    }

    BulkExport withLocation(String location) {
        return new BulkExport(id, status, sessionId, tenantId, destinationId, error, location);
    }

    /** {@code Completed}, {@code COMPLETED} and {@code timed_out} alike: upper case, letters only. */
    private String normalized() {
        return status.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    }
}
