package dev.trajectory.local;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.trajectory.push.TrajectorySink;
import dev.trajectory.push.UploadResult;
import dev.trajectory.trajectory.Trajectory;
import dev.trajectory.trajectory.TrajectoryIds;
import dev.trajectory.trajectory.TrajectoryStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Local mode's datasets: uploading saves each trajectory under {@code {dir}/{dataset}/}. */
public final class LocalDatasetStore implements TrajectorySink {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path directory;

    private final TrajectoryStore store;

    private final JsonMapper mapper;

    public LocalDatasetStore(Path directory, JsonMapper mapper) {
        this.directory = directory.toAbsolutePath().normalize();
        this.store = new TrajectoryStore(mapper);
        this.mapper = mapper;
    }

    @Override
    public Mono<UploadResult> upload(List<Trajectory> trajectories, String dataset) {
        if (dataset == null || !SAFE_NAME.matcher(dataset).matches() || dataset.startsWith(".")) {
            return Mono.error(new IllegalArgumentException("dataset '" + dataset
                    + "' must be 1 to 128 letters, digits or the characters . _ - and not start with a dot"));
        }
        return Mono.fromCallable(() -> {
            store.save(trajectories, directory.resolve(dataset));
            List<String> ids = trajectories.stream().map(trajectory -> TrajectoryIds.of(trajectory, mapper)).toList();
            return new UploadResult(ids, ids.size(), 0, List.of());
        }).subscribeOn(Schedulers.boundedElastic()).onErrorResume(RuntimeException.class, failure -> Mono.just(
                new UploadResult(List.of(), 0, 0, failures(trajectories, "not saved in " + directory + ": " + failure))));
    }

    private List<UploadResult.Failure> failures(List<Trajectory> trajectories, String reason) {
        return IntStream.range(0, trajectories.size())
                .mapToObj(i -> new UploadResult.Failure(i, TrajectoryIds.of(trajectories.get(i), mapper), reason))
                .toList();
    }
}
