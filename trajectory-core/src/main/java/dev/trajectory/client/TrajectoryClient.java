package dev.trajectory.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.langsmith.BulkExport;
import dev.trajectory.langsmith.BulkImportRequest;
import dev.trajectory.langsmith.BulkImportResult;
import dev.trajectory.langsmith.ConversationSummary;
import dev.trajectory.langsmith.ConversationTransformer;
import dev.trajectory.langsmith.ImportProgress;
import dev.trajectory.langsmith.LangSmithClient;
import dev.trajectory.langsmith.LangSmithImporter;
import dev.trajectory.langsmith.LangSmithSettings;
import dev.trajectory.local.LocalDatasetStore;
import dev.trajectory.push.ApiKey;
import dev.trajectory.push.IngestEndpoint;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.TrajectorySink;
import dev.trajectory.push.TrajectoryUploader;
import dev.trajectory.push.UploadResult;
import dev.trajectory.redact.TrajectoryTransform;
import dev.trajectory.trajectory.Trajectory;
import dev.trajectory.trajectory.TrajectoryStore;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point for trajectories: list and import LangSmith conversations, transform raw runs, save and load
 * trajectory files, upload to a dataset. Configured transforms (such as PII redaction) are applied, in order, to
 * every trajectory imported or transformed. Blocking methods are for ordinary code; the {@code ...Reactive} variants
 * for reactive code. Thread-safe.
 */
public final class TrajectoryClient {

    private final LangSmithImporter importer;

    private final ConversationTransformer transformer;

    private final TrajectoryTransform transforms;

    private final TrajectoryStore store;

    private final TrajectorySink uploader;

    public TrajectoryClient(LangSmithImporter importer, ConversationTransformer transformer,
            List<? extends TrajectoryTransform> transforms, TrajectoryStore store, TrajectorySink uploader) {
        this.importer = importer;
        this.transformer = transformer;
        this.transforms = TrajectoryTransform.chain(transforms);
        this.store = store;
        this.uploader = uploader;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The most recent LangSmith conversations of the configured project, newest first; at most 50. */
    public List<ConversationSummary> listConversations() {
        return listConversations(50);
    }

    public List<ConversationSummary> listConversations(int limit) {
        return listConversationsReactive(limit).block();
    }

    public Mono<List<ConversationSummary>> listConversationsReactive(int limit) {
        return importer.listConversations(limit);
    }

    /** Imports listed conversations, one trajectory each, in order; failures are trajectories with an error. */
    public List<Trajectory> importConversations(List<ConversationSummary> conversations, ImportProgress progress) {
        return importConversationsReactive(conversations, progress).collectList().block();
    }

    public Flux<Trajectory> importConversationsReactive(List<ConversationSummary> conversations,
            ImportProgress progress) {
        return importer.importConversations(conversations, progress).map(transforms::apply);
    }

    /** Imports conversations by thread or trace id. */
    public List<Trajectory> importConversationIds(List<String> conversationIds, ImportProgress progress) {
        return importConversationIdsReactive(conversationIds, progress).collectList().block();
    }

    public Flux<Trajectory> importConversationIdsReactive(List<String> conversationIds, ImportProgress progress) {
        return importer.importConversationIds(conversationIds, progress).map(transforms::apply);
    }

    /**
     * Bulk import. With a source, the conversations of LangSmith bulk-export parquet files on disk (this needs the
     * optional dependency {@code org.duckdb:duckdb_jdbc}); without one, starts a live export from {@code since},
     * waits for it and returns where LangSmith wrote the files. Every trajectory is held in the result: for large
     * exports use {@link #importBulkReactive}.
     */
    public BulkImportResult importBulk(BulkImportRequest request, ImportProgress progress) {
        if (request.isLiveExport()) {
            return BulkImportResult.exported(startBulkExportReactive(request).block());
        }
        return BulkImportResult.imported(importBulkReactive(request, progress).collectList().block());
    }

    /** The conversations of export files, emitted one at a time as they are read, on demand. */
    public Flux<Trajectory> importBulkReactive(BulkImportRequest request, ImportProgress progress) {
        return importer.bulk().importFiles(request, progress).map(transforms::apply);
    }

    /** Starts a live bulk export from {@code since}, waits for it and says where its files are. */
    public Mono<BulkExport> startBulkExportReactive(BulkImportRequest request) {
        return importer.bulk().export(request);
    }

    /**
     * Trajectories from runs the caller already holds (API JSON or export rows), grouped into conversations.
     *
     * @param provider where the runs come from; {@code langsmith} is the only one so far
     */
    public List<Trajectory> transform(List<JsonNode> rawRuns, String provider) {
        if (!ConversationTransformer.SOURCE.equals(provider.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown provider '" + provider + "'; supported: langsmith");
        }
        List<Trajectory> result = new ArrayList<>();
        transformer.transformAll(rawRuns).forEach(trajectory -> result.add(transforms.apply(trajectory)));
        return result;
    }

    /** Writes {@code {directory}/{conversation_id}.json} atomically for each trajectory. */
    public List<Path> save(List<Trajectory> trajectories, Path directory) {
        return store.save(trajectories, directory);
    }

    public List<Trajectory> load(Path directory) {
        return store.load(directory);
    }

    /**
     * Uploads to a dataset of the Trajectory backend, or in local mode (no API key) saves the trajectories under
     * {@code {local-dir}/datasets/{dataset}/}; never throws for delivery failures, see the result.
     */
    public UploadResult upload(List<Trajectory> trajectories, String dataset) {
        return uploadReactive(trajectories, dataset).block();
    }

    public Mono<UploadResult> uploadReactive(List<Trajectory> trajectories, String dataset) {
        return uploader.upload(trajectories, dataset);
    }

    /** Assembles a {@link TrajectoryClient} without Spring. */
    public static final class Builder {

        private LangSmithSettings langSmith = LangSmithSettings.builder().build();

        private URI baseUrl = TelemetryClientBuilder.DEFAULT_BASE_URL;

        private @Nullable ApiKey apiKey;

        private @Nullable String projectId;

        private PushSettings pushSettings = PushSettings.defaults();

        private int uploadChunkSize = TrajectoryUploader.DEFAULT_CHUNK_SIZE;

        private List<TrajectoryTransform> transforms = List.of();

        private Path localDirectory = TelemetryClientBuilder.DEFAULT_LOCAL_DIRECTORY;

        private WebClient.Builder webClientBuilder = WebClient.builder();

        private JsonMapper mapper = TrajectoryJson.mapper();

        private Builder() {
        }

        public Builder langSmith(LangSmithSettings langSmith) {
            this.langSmith = langSmith;
            return this;
        }

        /** The Trajectory backend uploads go to. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The Trajectory API key; without one, uploads are saved in the local folder instead. */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : ApiKey.of(apiKey);
            return this;
        }

        public Builder projectId(@Nullable String projectId) {
            this.projectId = projectId;
            return this;
        }

        public Builder pushSettings(PushSettings pushSettings) {
            this.pushSettings = pushSettings;
            return this;
        }

        public Builder uploadChunkSize(int uploadChunkSize) {
            this.uploadChunkSize = uploadChunkSize;
            return this;
        }

        /** Folder local mode saves uploaded datasets under, in {@code datasets/}. */
        public Builder localDirectory(Path localDirectory) {
            this.localDirectory = localDirectory;
            return this;
        }

        /** Transforms applied, in this order, to every imported or transformed trajectory. */
        public Builder transforms(List<? extends TrajectoryTransform> transforms) {
            this.transforms = List.copyOf(transforms);
            return this;
        }

        public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
            this.webClientBuilder = webClientBuilder;
            return this;
        }

        public Builder jsonMapper(JsonMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public TrajectoryClient build() {
            ConversationTransformer transformer = new ConversationTransformer(mapper);
            LangSmithImporter importer = new LangSmithImporter(new LangSmithClient(webClientBuilder, langSmith, mapper),
                    transformer, mapper);
            TrajectorySink uploader = apiKey == null ? new LocalDatasetStore(localDirectory.resolve("datasets"), mapper)
                    : new TrajectoryUploader(webClientBuilder.clone().build(),
                            new IngestEndpoint(baseUrl, apiKey, projectId), pushSettings, mapper, uploadChunkSize);
            return new TrajectoryClient(importer, transformer, transforms, new TrajectoryStore(mapper), uploader);
        }
    }
}
