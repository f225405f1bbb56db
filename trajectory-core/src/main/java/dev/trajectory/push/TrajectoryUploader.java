package dev.trajectory.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.trajectory.event.EventIds;
import dev.trajectory.trajectory.Trajectory;
import dev.trajectory.trajectory.TrajectoryIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads trajectories to a dataset: {@code POST {base-url}/v1/trajectories} with
 * {@code {"dataset": ..., "trajectories": [...]}}, in chunks by count and bytes, through the same sender as events
 * (gzip, bearer key, retries with backoff and Retry-After). Each trajectory is sent with a stable id, its
 * {@code task.id} or else a hash of its content, and each chunk with an Idempotency-Key derived from the dataset and
 * those ids, so a retried or repeated upload is recognised by the backend instead of stored twice.
 */
public final class TrajectoryUploader implements TrajectorySink {

    private static final Logger logger = LoggerFactory.getLogger(TrajectoryUploader.class);

    /** Trajectories are much larger than events; a few dozen make a request of a reasonable size. */
    public static final int DEFAULT_CHUNK_SIZE = 50;

    private static final int ENVELOPE_BYTES = 64;

    private final HttpChunkSender sender;

    private final URI uri;

    private final JsonMapper mapper;

    private final PushSettings settings;

    private final int chunkSize;

    public TrajectoryUploader(WebClient webClient, IngestEndpoint endpoint, PushSettings settings, JsonMapper mapper,
            int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be greater than 0 but was " + chunkSize);
        }
        this.sender = new HttpChunkSender(webClient, endpoint, settings, mapper, false, RetryListener.NONE);
        this.uri = endpoint.resolve("/v1/trajectories");
        this.mapper = mapper;
        this.settings = settings;
        this.chunkSize = chunkSize;
    }

    /** The id a trajectory is uploaded under: its task id, else the SHA-256 of its JSON. */
    public String idOf(Trajectory trajectory) {
        return TrajectoryIds.of(trajectory, mapper);
    }

    /** Uploads the trajectories; the returned Mono never errors, every failure is listed in the result. */
    @Override
    public Mono<UploadResult> upload(List<Trajectory> trajectories, String dataset) {
        if (dataset == null || dataset.isBlank()) {
            return Mono.error(new IllegalArgumentException("dataset must not be blank"));
        }
        return Mono.defer(() -> {
            List<UploadResult.Failure> invalid = new ArrayList<>();
            List<EncodedEvent> encoded = encode(trajectories, invalid);
            UploadResult skipped = new UploadResult(List.of(), 0, 0, invalid);
            AtomicBoolean keyRejected = new AtomicBoolean();
            return Flux.fromIterable(EventChunker.chunk(encoded, chunkSize, settings.maxRequestBytes()))
                    .concatMap(chunk -> deliver(chunk, dataset, keyRejected))
                    .reduce(skipped, UploadResult::plus)
                    .doOnNext(result -> logger.info("Uploaded {} of {} trajectories to dataset '{}' ({} already "
                            + "there, {} failed)", result.delivered().size(), trajectories.size(), dataset,
                            result.duplicates(), result.failures().size()));
        }).onErrorResume(unexpected -> {
            logger.error("Trajectory upload failed unexpectedly", unexpected);
            List<UploadResult.Failure> all = new ArrayList<>();
            for (int i = 0; i < trajectories.size(); i++) {
                all.add(new UploadResult.Failure(i, null, "unexpected failure: " + unexpected));
            }
            return Mono.just(new UploadResult(List.of(), 0, 0, all));
        });
    }

    private List<EncodedEvent> encode(List<Trajectory> trajectories, List<UploadResult.Failure> invalid) {
        List<EncodedEvent> encoded = new ArrayList<>(trajectories.size());
        Set<String> ids = new HashSet<>();
        long maxBytes = settings.maxRequestBytes() - ENVELOPE_BYTES;
        for (int index = 0; index < trajectories.size(); index++) {
            Trajectory trajectory = trajectories.get(index);
            String id = idOf(trajectory);
            byte[] json = mapper.writeValueAsBytes(trajectory.withTask(trajectory.task().withId(id)));
            if (!ids.add(id)) {
                invalid.add(new UploadResult.Failure(index, id, "id repeats an earlier trajectory in this upload"));
            }
            else if (json.length > maxBytes) {
                invalid.add(new UploadResult.Failure(index, id, "larger (" + json.length
                        + " bytes) than a request may be (" + maxBytes + " bytes)"));
            }
            else {
                encoded.add(new EncodedEvent(index, id, json));
            }
        }
        return encoded;
    }

    private Mono<UploadResult> deliver(EventChunk chunk, String dataset, AtomicBoolean keyRejected) {
        if (keyRejected.get()) {
            return Mono.just(failed(chunk, "not sent: the API key was rejected earlier in this upload"));
        }
        String key = sha256Hex((dataset + "\n" + chunk.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
        return sender.send(uri, chunk, () -> body(chunk, dataset), key, settings.maxRetries())
                .map(response -> accounted(chunk, response))
                .onErrorResume(failure -> {
                    if (failure instanceof IngestHttpException http && http.isCredentialsRejected()) {
                        keyRejected.set(true);
                    }
                    String reason = RetryPolicy.isRetryable(failure)
                            ? "not delivered after " + (settings.maxRetries() + 1) + " attempts: "
                                    + HttpChunkSender.describe(failure)
                            : "not delivered: " + HttpChunkSender.describe(failure);
                    return Mono.just(failed(chunk, reason));
                });
    }

    private byte[] body(EventChunk chunk, String dataset) {
        String prefix = "{\"dataset\":" + mapper.writeValueAsString(dataset) + ",\"trajectories\":[";
        return chunk.body(prefix.getBytes(StandardCharsets.UTF_8), "]}".getBytes(StandardCharsets.UTF_8));
    }

    private static UploadResult accounted(EventChunk chunk, IngestResponse response) {
        Set<String> rejectedIds = new HashSet<>();
        List<UploadResult.Failure> failures = new ArrayList<>();
        for (IngestResponse.Rejection rejection : response.rejected()) {
            rejectedIds.add(rejection.eventId());
            int index = chunk.events().stream().filter(item -> item.eventId().equals(rejection.eventId()))
                    .mapToInt(EncodedEvent::index).findFirst().orElse(-1);
            failures.add(new UploadResult.Failure(index, rejection.eventId(), "rejected by the backend: "
                    + (rejection.reason() == null ? "no reason given" : rejection.reason())));
        }
        List<String> delivered = chunk.events().stream().map(EncodedEvent::eventId)
                .filter(id -> !rejectedIds.contains(id)).toList();
        return new UploadResult(delivered, response.accepted(), response.duplicates(), failures);
    }

    private static UploadResult failed(EventChunk chunk, String reason) {
        return new UploadResult(List.of(), 0, 0, chunk.events().stream()
                .map(item -> new UploadResult.Failure(item.index(), item.eventId(), reason)).toList());
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(EventIds.sha256().digest(bytes));
    }
}
