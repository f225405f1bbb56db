package dev.trajectory.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.trajectory.event.EventValidator;
import dev.trajectory.event.InvalidEventException;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.EventPushService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disk spool: a {@link SegmentLog} written to by the pipeline, forced by a {@link GroupCommit} thread and drained
 * by a {@link SpoolReplayer} thread. In write-ahead mode it remembers which segment holds each event still on its way
 * to the backend, so the segment can go once they all arrived, or be replayed if some did not.
 */
public final class DiskSpool implements EventSpool {

    private static final Logger logger = LoggerFactory.getLogger(DiskSpool.class);

    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(30);

    private final SpoolSettings settings;

    private final SegmentLog log;

    private final EventValidator encoder;

    private final SpoolMetrics metrics;

    private final GroupCommit groupCommit;

    private final SpoolReplayer replayer;

    private final Map<String, Segment> writtenAhead = new ConcurrentHashMap<>();

    private final AtomicReference<@Nullable String> writeFailure = new AtomicReference<>();

    private final AtomicLong nextWarningNanos = new AtomicLong(System.nanoTime());

    private DiskSpool(SpoolSettings settings, SegmentLog log, EventValidator encoder, SpoolMetrics metrics,
            EventPushService pushService, List<Path> localFiles, JsonMapper mapper) {
        this.settings = settings;
        this.log = log;
        this.encoder = encoder;
        this.metrics = metrics;
        this.groupCommit = new GroupCommit(log, settings.fsyncInterval());
        this.replayer = new SpoolReplayer(log, pushService, metrics, settings.replayInterval(), localFiles, mapper);
    }

    /**
     * Opens the spool folder and starts its threads. A folder that cannot be used gives a spool that keeps nothing
     * and says why in its health: telemetry goes on in memory, the application never fails because of it.
     *
     * @param encoder    serialises events for the segment files, with the same rules as the push service
     * @param localFiles files local mode wrote, to be sent before the segments (empty unless a key is now set)
     */
    public static EventSpool open(SpoolSettings settings, EventPushService pushService, EventValidator encoder,
            SpoolMetrics metrics, List<Path> localFiles, JsonMapper mapper) {
        Path directory = settings.directory().toAbsolutePath().normalize();
        SegmentLog log;
        try {
            log = SegmentLog.open(directory, settings.maxBytes(), settings.segmentBytes(), metrics::evicted);
        }
        catch (IOException | RuntimeException ex) {
            String reason = "spool folder " + directory + " cannot be used (" + ex.getMessage()
                    + "); undeliverable events are kept in memory only";
            logger.warn("Trajectory {}", reason);
            return new NoSpool(new SpoolHealth(SpoolHealth.Status.DEGRADED, reason, directory, 0, 0, 0));
        }
        DiskSpool spool = new DiskSpool(settings, log, encoder, metrics, pushService, localFiles, mapper);
        metrics.bindSize(log::bytes, log::records);
        if (log.records() > 0 || !localFiles.isEmpty()) {
            logger.info("Trajectory spool {} holds {} events from an earlier run{}; replaying them", directory,
                    log.records(), localFiles.isEmpty() ? "" : " and " + localFiles.size() + " local-mode files");
        }
        spool.groupCommit.start();
        spool.replayer.start();
        return spool;
    }

    @Override
    public void accepted(TelemetryEvent event) {
        if (settings.durability() != DurabilityMode.WRITE_AHEAD) {
            return;
        }
        try {
            byte[] record = SpoolRecord.encode(event.eventId(), encoder.validate(event));
            Segment segment = append(List.of(record), true);
            if (segment != null) {
                writtenAhead.put(event.eventId(), segment);
            }
        }
        catch (InvalidEventException | RuntimeException invalid) {
            // An invalid event is dropped and counted by the pipeline; there is nothing to keep.
        }
    }

    @Override
    public boolean writesAhead() {
        return settings.durability() == DurabilityMode.WRITE_AHEAD;
    }

    @Override
    public int keep(List<TelemetryEvent> events) {
        int kept = 0;
        List<byte[]> records = new ArrayList<>(events.size());
        for (TelemetryEvent event : events) {
            Segment segment = writtenAhead.remove(event.eventId());
            if (segment != null) {
                log.resolveLive(segment, true);
                kept++;
                continue;
            }
            try {
                records.add(SpoolRecord.encode(event.eventId(), encoder.validate(event)));
            }
            catch (InvalidEventException | RuntimeException invalid) {
                // not spoolable; the caller counts it as dropped
            }
        }
        if (!records.isEmpty() && append(records, false) != null) {
            kept += records.size();
        }
        replayer.wake();
        return kept;
    }

    @Override
    public void resolved(List<TelemetryEvent> events) {
        for (TelemetryEvent event : events) {
            Segment segment = writtenAhead.remove(event.eventId());
            if (segment != null) {
                log.resolveLive(segment, false);
            }
        }
        if (log.hasReplayWork()) {
            replayer.wake();
        }
    }

    @Override
    public long purge() {
        long discarded = replayer.purge();
        logger.info("Discarded {} spooled Trajectory events for a deletion request", discarded);
        return discarded;
    }

    @Override
    public SpoolHealth health() {
        String failure = writeFailure.get();
        Path directory = log.directory();
        if (failure != null) {
            return new SpoolHealth(SpoolHealth.Status.DEGRADED, failure, directory, log.bytes(), log.records(),
                    metrics.corruptCount());
        }
        return new SpoolHealth(SpoolHealth.Status.UP, settings.durability().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " spool of at most " + settings.maxBytes() + " bytes", directory, log.bytes(), log.records(),
                metrics.corruptCount());
    }

    /** The spool's counts. */
    public SpoolMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        replayer.close();
        groupCommit.close();
        log.close();
    }

    private @Nullable Segment append(List<byte[]> records, boolean live) {
        try {
            Segment segment = log.append(records, live);
            metrics.appended(records.size());
            writeFailure.set(null);
            if (log.syncDue(settings.fsyncBytes())) {
                groupCommit.wake();
            }
            return segment;
        }
        catch (IOException | RuntimeException ex) {
            String reason = (ex instanceof SpoolFullException ? "spool is full: " : "spool write failed: ")
                    + ex.getMessage() + "; undeliverable events are kept in memory only";
            writeFailure.set(reason);
            warnAtMostEvery(WARNING_INTERVAL, reason);
            return null;
        }
    }

    private void warnAtMostEvery(Duration interval, String reason) {
        long now = System.nanoTime();
        long allowed = nextWarningNanos.get();
        if (now - allowed >= 0 && nextWarningNanos.compareAndSet(allowed, now + interval.toNanos())) {
            logger.warn("Trajectory {}", reason);
        }
    }
}
