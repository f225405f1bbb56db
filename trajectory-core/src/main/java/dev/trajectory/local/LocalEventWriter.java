package dev.trajectory.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.EncodedEvent;
import dev.trajectory.push.EventChunk;
import dev.trajectory.push.IngestResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The embedded default when no API key is configured: appends each event as one JSON line to
 * {@code events-<yyyy-MM-dd>.jsonl} (UTC date) in a local folder, so a newcomer sees what would be sent.
 * File writes happen on Reactor's bounded-elastic scheduler, never on the caller's event loop.
 */
public final class LocalEventWriter implements ChunkSender {

    private final Path directory;

    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();

    public LocalEventWriter(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public LocalEventWriter(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The folder events are written to. */
    public Path directory() {
        return directory;
    }

    /** The files local mode wrote in a folder, oldest first; none when the folder does not exist. */
    public static List<Path> eventFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "events-*.jsonl")) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /** The file events written now go to. */
    public Path currentFile() {
        return directory.resolve("events-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".jsonl");
    }

    @Override
    public Mono<IngestResponse> send(EventChunk chunk, int maxRetries) {
        return Mono.fromCallable(() -> {
            append(chunk.events());
            return IngestResponse.allAccepted(chunk.size());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void append(List<EncodedEvent> events) throws IOException {
        lock.lock();
        try {
            Files.createDirectories(directory);
            Path file = currentFile();
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (EncodedEvent event : events) {
                    out.write(event.json());
                    out.write('\n');
                }
            }
        }
        finally {
            lock.unlock();
        }
    }
}
