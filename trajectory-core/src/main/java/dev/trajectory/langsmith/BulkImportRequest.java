package dev.trajectory.langsmith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a bulk import reads. With a {@code source}, the parquet files of a LangSmith bulk export already on disk are
 * imported; without one, a live export of the configured project is started and awaited, and the result says where
 * LangSmith wrote the files (download them, then import them with a source).
 *
 * @param source        a parquet file, or a directory holding an export's hive-partitioned layout
 *                      ({@code export_id=…/tenant_id=…/session_id=…/runs/year=…/month=…/day=…/*.parquet});
 *                      {@code null} to start a live export
 * @param limit         most conversations imported, the earliest first; 0 for all
 * @param since         only traces that started at or after this instant; required for a live export, whose start
 *                      time it is
 * @param until         end (exclusive) of a live export; {@code null} for now
 * @param pollInterval  wait between status requests while a live export runs
 * @param timeout       longest wait for a live export to finish
 * @param memoryLimitMb memory the parquet reader (DuckDB) may use; it sorts a quarter of this at a time and keeps
 *                      the rest of the export in a temporary directory
 */
public record BulkImportRequest(@Nullable Path source, int limit, @Nullable Instant since, @Nullable Instant until,
        Duration pollInterval, Duration timeout, int memoryLimitMb) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

    public static final int DEFAULT_MEMORY_LIMIT_MB = 512;

    public BulkImportRequest {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative but was " + limit);
        }
        if (since != null && until != null && !until.isAfter(since)) {
            throw new IllegalArgumentException("until (" + until + ") must be after since (" + since + ")");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be a positive duration but was " + pollInterval);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be a positive duration but was " + timeout);
        }
        if (memoryLimitMb < 64) {
            throw new IllegalArgumentException("memoryLimitMb must be at least 64 but was " + memoryLimitMb);
        }
    }

    /** Imports the export files at {@code source}: one file, or a directory searched recursively. */
    public static BulkImportRequest fromFiles(Path source) {
        return new BulkImportRequest(source, 0, null, null, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT,
                DEFAULT_MEMORY_LIMIT_MB);
    }

    /** Starts a live export of the configured project from {@code since} to now. */
    public static BulkImportRequest liveExport(Instant since) {
        return new BulkImportRequest(null, 0, since, null, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT,
                DEFAULT_MEMORY_LIMIT_MB);
    }

    public boolean isLiveExport() {
        return source == null;
    }

    public BulkImportRequest withLimit(int limit) {
        return new BulkImportRequest(source, limit, since, until, pollInterval, timeout, memoryLimitMb);
    }

    public BulkImportRequest withSince(@Nullable Instant since) {
        return new BulkImportRequest(source, limit, since, until, pollInterval, timeout, memoryLimitMb);
    }

    public BulkImportRequest withUntil(@Nullable Instant until) {
        return new BulkImportRequest(source, limit, since, until, pollInterval, timeout, memoryLimitMb);
    }

    /** How often a live export's status is asked for, and how long it is waited for. */
    public BulkImportRequest withPolling(Duration pollInterval, Duration timeout) {
        return new BulkImportRequest(source, limit, since, until, pollInterval, timeout, memoryLimitMb);
    }

    public BulkImportRequest withMemoryLimitMb(int memoryLimitMb) {
        return new BulkImportRequest(source, limit, since, until, pollInterval, timeout, memoryLimitMb);
    }
}
