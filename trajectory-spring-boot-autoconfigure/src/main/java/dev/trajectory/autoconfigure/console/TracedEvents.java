package dev.trajectory.autoconfigure.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.local.LocalEventWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracked events in local mode's JSON-lines files that carry a trace id, indexed by it, so a run's page can
 * show what the application tracked during the run.
 * <p>
 * The files are read incrementally: each refresh continues where the previous one stopped and reads at most
 * {@link Limits#bytesPerRefresh()}; only the newest {@link Limits#files()} files are read, each starting at most
 * {@link Limits#initialBytes()} before its end. The index keeps the newest {@link Limits#traces()} traces, at most
 * {@link Limits#eventsPerTrace()} events each, so memory stays bounded whatever the folder holds.
 */
final class TracedEvents {

    private static final Logger logger = LoggerFactory.getLogger(TracedEvents.class);

    private static final String TRACE_ID_FIELD = "\"trace_id\"";

    private final Path directory;

    private final JsonMapper mapper;

    private final Limits limits;

    private final ReentrantLock lock = new ReentrantLock();

    private final Map<Path, Cursor> cursors = new HashMap<>();

    private final Map<String, List<TelemetryEvent>> byTrace;

    TracedEvents(Path directory, JsonMapper mapper, Limits limits) {
        this.directory = directory;
        this.mapper = mapper;
        this.limits = limits;
        this.byTrace = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<TelemetryEvent>> eldest) {
                return size() > limits.traces();
            }
        };
    }

    /** The events tracked with this trace id, in the order they were written; reads what was added first. */
    List<TelemetryEvent> forTrace(String traceId) {
        lock.lock();
        try {
            refresh();
            return List.copyOf(byTrace.getOrDefault(traceId, List.of()));
        }
        finally {
            lock.unlock();
        }
    }

    private void refresh() {
        try {
            List<Path> files = LocalEventWriter.eventFiles(directory);
            files = files.subList(Math.max(0, files.size() - limits.files()), files.size());
            cursors.keySet().retainAll(files);
            long budget = limits.bytesPerRefresh();
            for (Path file : files) {
                if (budget <= 0) {
                    break;
                }
                budget -= readNewLines(file, budget);
            }
        }
        catch (IOException ex) {
            logger.debug("Could not read local events in {}: {}", directory, ex.toString());
        }
    }

    /** Reads complete lines added to the file since the last refresh, at most {@code budget} bytes; returns the bytes read. */
    private long readNewLines(Path file, long budget) throws IOException {
        long size = Files.size(file);
        Cursor cursor = cursors.get(file);
        if (cursor == null || cursor.offset > size) {
            long start = Math.max(0, size - limits.initialBytes());
            cursor = new Cursor(start, start > 0);
            cursors.put(file, cursor);
        }
        int length = (int) Math.min(size - cursor.offset, budget);
        if (length <= 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer, cursor.offset + buffer.position()) > 0) {
                // read until the buffer is full or the file ends
            }
        }
        byte[] bytes = buffer.array();
        int read = buffer.position();
        int consumed = consumeLines(bytes, read, cursor);
        if (consumed == 0 && read == limits.bytesPerRefresh()) {
            // one line longer than the whole budget: skip it rather than stall
            cursor.midLine = true;
            consumed = read;
        }
        cursor.offset += consumed;
        return read;
    }

    /** Indexes each complete line and returns the bytes up to and including the last newline. */
    private int consumeLines(byte[] bytes, int length, Cursor cursor) {
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (cursor.midLine) {
                cursor.midLine = false;
            }
            else {
                index(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
            }
            lineStart = i + 1;
        }
        return lineStart;
    }

    private void index(String line) {
        if (!line.contains(TRACE_ID_FIELD)) {
            return;
        }
        try {
            TelemetryEvent event = mapper.readValue(line, TelemetryEvent.class);
            if (event.traceId() == null) {
                return;
            }
            List<TelemetryEvent> events = byTrace.computeIfAbsent(event.traceId(), id -> new ArrayList<>());
            if (events.size() < limits.eventsPerTrace()) {
                events.add(event);
            }
        }
        catch (JacksonException ex) {
            logger.debug("Skipping an unreadable local event line: {}", ex.getOriginalMessage());
        }
    }

    /** Where reading a file continues, and whether it is in the middle of a line to be skipped. */
    private static final class Cursor {

        private long offset;

        private boolean midLine;

        Cursor(long offset, boolean midLine) {
            this.offset = offset;
            this.midLine = midLine;
        }
    }

    /**
     * How much is read and kept.
     *
     * @param files           newest event files read
     * @param initialBytes    bytes read from the end of a file seen for the first time
     * @param bytesPerRefresh bytes read at most per refresh, over all files
     * @param traces          traces kept; the oldest is forgotten first
     * @param eventsPerTrace  events kept per trace
     */
    record Limits(int files, long initialBytes, int bytesPerRefresh, int traces, int eventsPerTrace) {

        static Limits defaults() {
            return new Limits(2, 8 * 1024 * 1024, 8 * 1024 * 1024, 1000, 200);
        }
    }
}
