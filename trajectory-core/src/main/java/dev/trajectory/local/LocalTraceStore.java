package dev.trajectory.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.TraceBody;
import dev.trajectory.push.TraceSink;
import dev.trajectory.push.TraceUploadResult;
import dev.trajectory.trajectory.Trajectory;
import dev.trajectory.trajectory.TrajectoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode's home for agent runs: each run is written as {@code {dir}/{trace_id}.json}, the same document
 * {@code POST /v1/traces} would carry, and read back for the local console. At most a fixed number of runs are
 * kept; storing one more deletes the oldest, so the folder stays bounded.
 */
public final class LocalTraceStore implements TraceSink {

    /** Runs kept when no other limit is given. */
    public static final int DEFAULT_MAX_TRACES = 1000;

    private static final Logger logger = LoggerFactory.getLogger(LocalTraceStore.class);

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final String SUFFIX = ".json";

    private final Path directory;

    private final EventValidator validator;

    private final JsonMapper mapper;

    private final int maxTraces;

    private final ReentrantLock writeLock = new ReentrantLock();

    public LocalTraceStore(Path directory, EventValidator validator, JsonMapper mapper, int maxTraces) {
        if (maxTraces <= 0) {
            throw new IllegalArgumentException("maxTraces must be greater than 0 but was " + maxTraces);
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.validator = validator;
        this.mapper = mapper;
        this.maxTraces = maxTraces;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Mono<TraceUploadResult> upload(String traceId, Trajectory trajectory, List<TelemetryEvent> events) {
        return Mono.fromCallable(() -> store(traceId, trajectory, events))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(failure -> Mono.just(TraceUploadResult.failed(events.size(), 0,
                        "trace " + traceId + " not stored in " + directory + ": " + failure)));
    }

    private TraceUploadResult store(String traceId, Trajectory trajectory, List<TelemetryEvent> events)
            throws IOException {
        if (!SAFE_ID.matcher(traceId).matches()) {
            return TraceUploadResult.failed(events.size(), 0, "trace id '" + traceId + "' cannot name a file");
        }
        TraceBody body = TraceBody.encode(traceId, trajectory, events, validator, mapper);
        writeLock.lock();
        try {
            Files.createDirectories(directory);
            TrajectoryStore.writeAtomically(directory.resolve(traceId + SUFFIX), body.json());
            deleteOldest();
        }
        finally {
            writeLock.unlock();
        }
        return new TraceUploadResult(true, body.events(), body.skipped(), null);
    }

    /** The most recently stored runs, newest first; unreadable files are skipped. */
    public List<StoredTrace> recent(int limit) {
        List<StoredTrace> traces = new ArrayList<>();
        for (Path file : filesNewestFirst()) {
            if (traces.size() >= limit) {
                break;
            }
            read(file).ifPresent(traces::add);
        }
        return traces;
    }

    /** The stored runs' ids and when each was saved, newest first, without reading the runs. */
    public List<SavedRun> saved() {
        return datedNewestFirst().stream().map(dated -> new SavedRun(traceId(dated.file()), dated.modified())).toList();
    }

    /** The stored run with this trace id, if any. */
    public Optional<StoredTrace> find(String traceId) {
        if (!SAFE_ID.matcher(traceId).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(traceId + SUFFIX);
        return Files.isRegularFile(file) ? read(file) : Optional.empty();
    }

    private Optional<StoredTrace> read(Path file) {
        try {
            Document document = mapper.readValue(Files.readAllBytes(file), Document.class);
            return Optional.of(new StoredTrace(traceId(file), Files.getLastModifiedTime(file).toInstant(),
                    document.trajectory(),
                    document.events() == null ? List.of() : document.events()));
        }
        catch (IOException | JacksonException ex) {
            logger.debug("Skipping unreadable local trace {}: {}", file, ex.toString());
            return Optional.empty();
        }
    }

    private void deleteOldest() throws IOException {
        List<Path> files = filesNewestFirst();
        for (Path file : files.subList(Math.min(maxTraces, files.size()), files.size())) {
            Files.deleteIfExists(file);
        }
    }

    private List<Path> filesNewestFirst() {
        return datedNewestFirst().stream().map(Dated::file).toList();
    }

    private List<Dated> datedNewestFirst() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .map(file -> new Dated(file, modified(file)))
                    .sorted(Comparator.comparing(Dated::modified).reversed())
                    .toList();
        }
        catch (IOException ex) {
            logger.debug("Could not list local traces in {}: {}", directory, ex.toString());
            return List.of();
        }
    }

    private static String traceId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        }
        catch (IOException ex) {
            return Instant.EPOCH;
        }
    }

    private record Dated(Path file, Instant modified) {
    }

    /**
     * A stored run as the folder lists it.
     *
     * @param traceId the run's trace id
     * @param savedAt when it was stored
     */
    public record SavedRun(String traceId, Instant savedAt) {
    }

    private record Document(@JsonProperty("trajectory") Trajectory trajectory,
            @JsonProperty("events") List<TelemetryEvent> events) {
    }
}
