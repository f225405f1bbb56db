package dev.trajectory.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's files: numbered segments {@code segment-<n>.spool}, oldest first, of which the newest is the one being
 * written. Appends write straight to the file (so a killed process loses nothing already appended) and leave forcing
 * to the storage device to {@link #sync()}, which a background thread calls; that is the group commit. The total
 * size is bounded: making room evicts the oldest settled segment, whose records are reported as evicted. A lock file
 * keeps a second process away from the same folder. The lock guards bookkeeping and writes, never a force.
 */
final class SegmentLog implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(SegmentLog.class);

    static final String PREFIX = "segment-";

    static final String SUFFIX = ".spool";

    static final String LOCK_FILE = "spool.lock";

    private final Path directory;

    private final long maxBytes;

    private final long segmentBytes;

    private final LongConsumer evicted;

    private final ReentrantLock lock = new ReentrantLock();

    private final Deque<Segment> segments = new ArrayDeque<>();

    private final List<FileChannel> toForce = new ArrayList<>();

    private final FileChannel lockChannel;

    private final FileLock fileLock;

    private @Nullable Segment active;

    private long nextId;

    private long totalBytes;

    private long totalRecords;

    private long unforcedBytes;

    private boolean closed;

    private SegmentLog(Path directory, long maxBytes, long segmentBytes, LongConsumer evicted, FileChannel lockChannel,
            FileLock fileLock) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.evicted = evicted;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
    }

    /**
     * Opens the folder, creating it when missing, and takes over the segments a previous run left: each needs a full
     * replay.
     *
     * @throws IOException when the folder cannot be used or another process holds it
     */
    static SegmentLog open(Path directory, long maxBytes, long segmentBytes, LongConsumer evicted) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock fileLock;
        try {
            fileLock = lockChannel.tryLock();
        }
        catch (OverlappingFileLockException ex) {
            fileLock = null;
        }
        if (fileLock == null) {
            lockChannel.close();
            throw new IOException("the spool folder " + directory + " is in use by another Trajectory client");
        }
        SegmentLog log = new SegmentLog(directory, maxBytes, segmentBytes, evicted, lockChannel, fileLock);
        try {
            log.loadPreviousSegments();
        }
        catch (IOException | RuntimeException ex) {
            log.close();
            throw ex;
        }
        return log;
    }

    private void loadPreviousSegments() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparingLong(SegmentLog::idOf));
        for (Path file : files) {
            long id = idOf(file);
            if (id < 0) {
                continue;
            }
            long bytes = Files.size(file);
            if (bytes == 0) {
                Files.deleteIfExists(file);
                continue;
            }
            Segment segment = new Segment(id, file);
            segment.bytes = bytes;
            segment.records = countLines(file);
            segment.replayRecords = segment.records;
            segment.sealed = true;
            segments.addLast(segment);
            totalBytes += bytes;
            totalRecords += segment.records;
            nextId = Math.max(nextId, id + 1);
        }
    }

    /**
     * Appends the records to the segment being written, making room first if needed.
     *
     * @param live whether the events are also on their way to the backend (write-ahead), so the segment may be
     *             deleted once they are delivered; otherwise they need a replay
     * @return the segment that holds them
     * @throws SpoolFullException when nothing can be evicted to make room
     * @throws IOException        when the file cannot be written
     */
    Segment append(List<byte[]> records, boolean live) throws IOException {
        long incoming = 0;
        for (byte[] record : records) {
            incoming += record.length;
        }
        lock.lock();
        try {
            if (closed) {
                throw new IOException("the spool is closed");
            }
            if (incoming > maxBytes) {
                throw new SpoolFullException("records of " + incoming + " bytes exceed the whole spool");
            }
            Segment segment = active;
            if (segment != null && segment.bytes > 0 && segment.bytes + incoming > segmentBytes) {
                seal(segment);
                segment = null;
            }
            makeRoom(incoming);
            if (segment == null) {
                segment = startSegment();
            }
            FileChannel channel = segment.channel;
            if (channel == null) {
                throw new IOException("segment " + segment.path + " is not open");
            }
            for (byte[] record : records) {
                ByteBuffer buffer = ByteBuffer.wrap(record);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            segment.bytes += incoming;
            segment.records += records.size();
            if (live) {
                segment.pendingLive += records.size();
            }
            else {
                segment.replayRecords += records.size();
            }
            totalBytes += incoming;
            totalRecords += records.size();
            unforcedBytes += incoming;
            return segment;
        }
        finally {
            lock.unlock();
        }
    }

    /** A written-ahead record's live delivery is over: delivered or refused for good, or it needs a replay. */
    void resolveLive(Segment segment, boolean needsReplay) {
        lock.lock();
        try {
            if (segment.pendingLive > 0) {
                segment.pendingLive--;
            }
            if (needsReplay) {
                segment.replayRecords++;
            }
            deleteIfDone(segment);
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * The oldest segment ready for a replay, now held by the caller until {@link #replayed} or {@link #release}; the
     * segment being written is sealed for it when all it holds waits for a replay. {@code null} when there is none.
     */
    @Nullable Segment claimForReplay() {
        lock.lock();
        try {
            for (Segment segment : segments) {
                if (segment.isSettled() && !segment.claimed && segment.replayRecords > 0) {
                    segment.claimed = true;
                    return segment;
                }
            }
            Segment current = active;
            if (current != null && current.pendingLive == 0 && current.replayRecords > 0) {
                seal(current);
                current.claimed = true;
                return current;
            }
            return null;
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Discards every record waiting for a replay, for a deletion request: segments are deleted, except one still
     * holding written-ahead events on their way, which is kept for them but has nothing left to replay. The caller
     * makes sure no segment is being replayed. Returns how many records were discarded.
     */
    long purge() {
        lock.lock();
        try {
            long discarded = 0;
            for (Segment segment : List.copyOf(segments)) {
                discarded += segment.replayRecords;
                if (segment.pendingLive == 0) {
                    remove(segment);
                }
                else {
                    segment.replayRecords = 0;
                }
            }
            return discarded;
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether some records wait for a replay. */
    boolean hasReplayWork() {
        lock.lock();
        try {
            return segments.stream().anyMatch(segment -> segment.replayRecords > 0);
        }
        finally {
            lock.unlock();
        }
    }

    /** The claimed segment was delivered in full: it is deleted. */
    void replayed(Segment segment) {
        lock.lock();
        try {
            segment.claimed = false;
            remove(segment);
        }
        finally {
            lock.unlock();
        }
    }

    /** Part of the claimed segment was delivered; the rest waits for the next attempt. */
    void release(Segment segment, long recordsDelivered) {
        lock.lock();
        try {
            segment.claimed = false;
            segment.replayRecords = Math.max(0, segment.replayRecords - recordsDelivered);
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether enough bytes are waiting to be forced that the syncing thread should not wait for its interval. */
    boolean syncDue(long thresholdBytes) {
        lock.lock();
        try {
            return unforcedBytes >= thresholdBytes || !toForce.isEmpty();
        }
        finally {
            lock.unlock();
        }
    }

    /** Forces what was appended to the storage device, outside the lock, and closes segments sealed since. */
    void sync() throws IOException {
        FileChannel current;
        List<FileChannel> sealed;
        lock.lock();
        try {
            Segment segment = active;
            current = segment == null || unforcedBytes == 0 ? null : segment.channel;
            unforcedBytes = 0;
            sealed = List.copyOf(toForce);
            toForce.clear();
        }
        finally {
            lock.unlock();
        }
        for (FileChannel channel : sealed) {
            forceAndClose(channel);
        }
        if (current != null && current.isOpen()) {
            current.force(false);
        }
    }

    long bytes() {
        lock.lock();
        try {
            return totalBytes;
        }
        finally {
            lock.unlock();
        }
    }

    long records() {
        lock.lock();
        try {
            return totalRecords;
        }
        finally {
            lock.unlock();
        }
    }

    Path directory() {
        return directory;
    }

    /** Forces and closes every file and gives up the folder. Segments stay on disk for the next run. */
    @Override
    public void close() {
        List<FileChannel> channels = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Segment current = active;
            if (current != null && current.channel != null) {
                channels.add(current.channel);
            }
            channels.addAll(toForce);
            toForce.clear();
            active = null;
        }
        finally {
            lock.unlock();
        }
        channels.forEach(SegmentLog::forceAndClose);
        try {
            fileLock.release();
            lockChannel.close();
        }
        catch (IOException ex) {
            logger.debug("Could not release the spool lock in {}", directory, ex);
        }
    }

    private Segment startSegment() throws IOException {
        Segment segment = new Segment(nextId++, directory.resolve(String.format("%s%020d%s", PREFIX, nextId - 1,
                SUFFIX)));
        segment.channel = FileChannel.open(segment.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceDirectory();
        segments.addLast(segment);
        active = segment;
        return segment;
    }

    private void seal(Segment segment) {
        segment.sealed = true;
        if (segment.channel != null) {
            toForce.add(segment.channel);
            segment.channel = null;
        }
        if (active == segment) {
            active = null;
        }
        deleteIfDone(segment);
    }

    private void makeRoom(long incoming) throws SpoolFullException {
        while (totalBytes + incoming > maxBytes) {
            Segment victim = segments.stream().filter(s -> s.isSettled() && !s.claimed).findFirst().orElse(null);
            if (victim == null) {
                Segment current = active;
                if (current == null || current.pendingLive > 0 || current.claimed || current.bytes == 0) {
                    throw new SpoolFullException("the spool is full and every segment is still in use");
                }
                seal(current);
                if (!segments.contains(current)) {
                    continue;
                }
                victim = current;
            }
            long lost = victim.replayRecords;
            remove(victim);
            logger.warn("Trajectory spool is full ({} bytes); evicted the oldest segment with {} undelivered events",
                    maxBytes, lost);
            evicted.accept(lost);
        }
    }

    private void deleteIfDone(Segment segment) {
        if (segment.isSettled() && segment.replayRecords == 0 && !segment.claimed) {
            remove(segment);
        }
    }

    private void remove(Segment segment) {
        // Once closed, the files belong to the next run: a replay or delivery that ends late deletes nothing.
        if (closed || !segments.remove(segment)) {
            return;
        }
        totalBytes -= segment.bytes;
        totalRecords -= segment.records;
        if (segment.channel != null) {
            toForce.add(segment.channel);
            segment.channel = null;
        }
        if (active == segment) {
            active = null;
        }
        try {
            Files.deleteIfExists(segment.path);
        }
        catch (IOException ex) {
            logger.warn("Could not delete the spool segment {}: {}", segment.path, ex.toString());
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        catch (IOException | RuntimeException ex) {
            // Not every platform can force a directory; the segment's own force still covers its records.
        }
    }

    private static void forceAndClose(FileChannel channel) {
        try (channel) {
            if (channel.isOpen()) {
                channel.force(false);
            }
        }
        catch (IOException ex) {
            logger.debug("Could not force a spool segment", ex);
        }
    }

    private static long idOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        }
        catch (RuntimeException ex) {
            return -1;
        }
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        boolean endsWithNewline = true;
        try (var in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                size += read;
                endsWithNewline = buffer[read - 1] == '\n';
            }
        }
        return size > 0 && !endsWithNewline ? lines + 1 : lines;
    }
}
