package dev.trajectory.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.trajectory.push.DeletionRequester;
import dev.trajectory.push.DeletionResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Deletion in local mode: the recorded data is the event files in the local folder, so they are deleted. */
public final class LocalDataDeletion implements DeletionRequester {

    private final Path directory;

    public LocalDataDeletion(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public Mono<DeletionResult> requestDeletion(String clientId, List<String> userIds) {
        return Mono.fromCallable(this::deleteEventFiles)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(IOException.class, ex -> Mono.just(new DeletionResult(false,
                        "could not delete local event files in " + directory + ": " + ex)));
    }

    private DeletionResult deleteEventFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return new DeletionResult(true, "no local event files in " + directory);
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "events-*.jsonl")) {
            for (Path file : files) {
                Files.delete(file);
                deleted++;
            }
        }
        return new DeletionResult(true, "deleted " + deleted + " local event files in " + directory);
    }
}
