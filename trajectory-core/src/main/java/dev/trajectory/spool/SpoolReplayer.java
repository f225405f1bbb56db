package dev.trajectory.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.trajectory.push.EncodedEvent;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.PushError;
import dev.trajectory.push.PushOptions;
import dev.trajectory.push.PushResult;
import dev.trajectory.push.PushSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what the spool holds, oldest first, on one daemon thread: first the files local mode wrote before an API key
 * was set (when asked to), then the segments. Each file is read in batches of at most one request, so memory stays
 * bounded; a file is deleted only once the backend took every batch of it. A batch that cannot be delivered (the
 * backend is down, or refuses the key) stops the file there; the next attempt, after the replay interval or sooner
 * when live delivery succeeds, goes on from that batch. Damaged records are counted, warned about and skipped.
 */
final class SpoolReplayer {

    private static final Logger logger = LoggerFactory.getLogger(SpoolReplayer.class);

    private static final int LINE_OVERHEAD_BYTES = 512;

    private final SegmentLog log;

    private final EventPushService pushService;

    private final SpoolMetrics metrics;

    private final Deque<Path> localFiles;

    private final RecordDecoder localDecoder;

    private final RecordDecoder segmentDecoder = RecordDecoder.segment();

    private final int batchEvents;

    private final long batchBytes;

    private final int maxLineBytes;

    private final BackgroundThread thread;

    private long localOffset;

    /** Held while a file is replayed, so a purge never races a batch on its way. */
    private final ReentrantLock replaying = new ReentrantLock();

    private volatile @Nullable CompletableFuture<PushResult> inFlight;

    SpoolReplayer(SegmentLog log, EventPushService pushService, SpoolMetrics metrics, Duration interval,
            List<Path> localFiles, JsonMapper mapper) {
        this.log = log;
        this.pushService = pushService;
        this.metrics = metrics;
        this.localFiles = new ArrayDeque<>(localFiles);
        this.localDecoder = RecordDecoder.localMode(mapper);
        PushSettings push = pushService.settings();
        this.batchEvents = push.chunkSize();
        this.batchBytes = push.maxRequestBytes();
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, push.maxEventBytes() + LINE_OVERHEAD_BYTES);
        this.thread = new BackgroundThread("trajectory-spool-replay", interval, this::replayNextSafely);
    }

    void start() {
        thread.start();
    }

    /** Tries again now rather than after the interval, because the backend just took a batch. */
    void wake() {
        thread.wake();
    }

    void close() {
        thread.close(() -> {
            CompletableFuture<PushResult> current = inFlight;
            if (current != null) {
                current.cancel(true);
            }
        });
    }

    /**
     * Discards everything waiting for a replay, local-mode files included, once any batch on its way has been
     * answered. Returns how many segment records were discarded.
     */
    long purge() {
        replaying.lock();
        try {
            localFiles.forEach(SpoolReplayer::delete);
            localFiles.clear();
            localOffset = 0;
            return log.purge();
        }
        finally {
            replaying.unlock();
        }
    }

    private boolean replayNextSafely() {
        replaying.lock();
        try {
            return replayNext();
        }
        catch (RuntimeException ex) {
            logger.error("Trajectory spool replay failed unexpectedly; trying again later", ex);
            return false;
        }
        finally {
            replaying.unlock();
        }
    }

    /** Replays one file; whether it was finished, so the next can follow at once. */
    private boolean replayNext() {
        Path local = localFiles.peekFirst();
        if (local != null) {
            FileReplay replay = replayFile(local, localOffset, localDecoder);
            localOffset = replay.offset();
            if (!replay.complete()) {
                return false;
            }
            delete(local);
            localFiles.pollFirst();
            localOffset = 0;
            return true;
        }
        Segment segment = log.claimForReplay();
        if (segment == null) {
            return false;
        }
        FileReplay replay = replayFile(segment.path, segment.replayOffset, segmentDecoder);
        segment.replayOffset = replay.offset();
        if (replay.complete()) {
            log.replayed(segment);
            return true;
        }
        log.release(segment, replay.delivered());
        return false;
    }

    private FileReplay replayFile(Path file, long startOffset, RecordDecoder decoder) {
        long offset = startOffset;
        long delivered = 0;
        try (LineReader reader = new LineReader(file, startOffset, maxLineBytes)) {
            while (!thread.isClosed()) {
                Batch batch = readBatch(reader, decoder);
                if (!batch.events().isEmpty()) {
                    AtomicBoolean keyRejected = new AtomicBoolean();
                    PushResult result = send(batch.events(), keyRejected);
                    if (result == null || keyRejected.get() || hasUndelivered(result)) {
                        return new FileReplay(false, offset, delivered);
                    }
                    metrics.replayed(result.pushed() + result.duplicates());
                    metrics.rejected(result.failed());
                    delivered += batch.events().size();
                }
                if (batch.corrupt() > 0) {
                    metrics.corrupt(batch.corrupt());
                    logger.warn("Skipped {} damaged records in {} (checksum mismatch, torn write or unreadable "
                            + "line); the rest is replayed", batch.corrupt(), file);
                }
                offset = reader.offset();
                if (batch.end()) {
                    return new FileReplay(true, offset, delivered);
                }
            }
        }
        catch (NoSuchFileException gone) {
            return new FileReplay(true, offset, delivered);
        }
        catch (IOException ex) {
            logger.warn("Could not read {} for a replay ({}); it is skipped", file, ex.toString());
            return new FileReplay(true, offset, delivered);
        }
        return new FileReplay(false, offset, delivered);
    }

    private Batch readBatch(LineReader reader, RecordDecoder decoder) throws IOException {
        List<EncodedEvent> events = new ArrayList<>();
        long bytes = 0;
        int corrupt = 0;
        while (events.size() < batchEvents && bytes < batchBytes) {
            LineReader.Line line = reader.next();
            if (line == null) {
                return new Batch(events, corrupt, true);
            }
            EncodedEvent event = line.complete() ? decoder.decode(line.bytes(), events.size()) : null;
            if (event == null) {
                corrupt++;
                continue;
            }
            events.add(event);
            bytes += event.json().length + 1;
        }
        return new Batch(events, corrupt, false);
    }

    private @Nullable PushResult send(List<EncodedEvent> events, AtomicBoolean keyRejected) {
        CompletableFuture<PushResult> future = pushService.pushEncoded(events, PushOptions.defaults(), keyRejected)
                .toFuture();
        inFlight = future;
        if (thread.isClosed()) {
            future.cancel(true);
        }
        try {
            return future.get();
        }
        catch (CancellationException | ExecutionException ex) {
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
        finally {
            inFlight = null;
        }
    }

    private static boolean hasUndelivered(PushResult result) {
        return result.errors().stream().anyMatch(error -> error.cause() == PushError.Cause.UNDELIVERED
                || error.cause() == PushError.Cause.NOT_SENT);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            logger.warn("Could not delete {} after replaying it; it will be sent again at the next start: {}", file,
                    ex.toString());
        }
    }

    /** Lines read for one request: the events, and how many lines were damaged. */
    private record Batch(List<EncodedEvent> events, int corrupt, boolean end) {
    }

    /** How far a file's replay got. */
    private record FileReplay(boolean complete, long offset, long delivered) {
    }
}
