package dev.trajectory.langsmith;

import java.util.List;

import dev.trajectory.trajectory.Trajectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists the conversations of the configured LangSmith project and imports them as trajectories, one conversation
 * at a time (the runs query is rate-limited, so parallel requests would only wait). A conversation that cannot be
 * imported becomes a trajectory with {@code error} set; the others go on.
 */
public final class LangSmithImporter {

    private static final Logger logger = LoggerFactory.getLogger(LangSmithImporter.class);

    static final List<String> ROOT_FIELDS = List.of("id", "name", "run_type", "trace_id", "thread_id",
            "parent_run_id", "start_time", "end_time", "dotted_order", "extra", "error", "total_tokens",
            "total_cost");

    static final List<String> RUN_FIELDS = List.of("id", "name", "run_type", "inputs", "outputs", "extra",
            "parent_run_id", "trace_id", "dotted_order", "thread_id", "start_time", "end_time", "error",
            "prompt_tokens", "completion_tokens", "total_tokens", "total_cost", "status");

    private final LangSmithClient client;

    private final ConversationTransformer transformer;

    private final JsonMapper mapper;

    public LangSmithImporter(LangSmithClient client, ConversationTransformer transformer, JsonMapper mapper) {
        this.client = client;
        this.transformer = transformer;
        this.mapper = mapper;
    }

    /** Bulk import through the same LangSmith connection and transformation as this importer's. */
    public BulkImporter bulk() {
        return new BulkImporter(new BulkExportClient(client, mapper), transformer, mapper);
    }

    /**
     * The most recent conversations, newest first, from the project's root runs grouped by thread (a root run
     * without a thread is a conversation of its own). Turns are counted among the root runs read, which stop at the
     * first root run of conversation {@code limit + 1}.
     */
    public Mono<List<ConversationSummary>> listConversations(int limit) {
        if (limit <= 0) {
            return Mono.error(new IllegalArgumentException("limit must be greater than 0 but was " + limit));
        }
        return client.projectId().flatMap(projectId -> Mono.defer(() -> {
            ConversationGrouper grouper = new ConversationGrouper();
            ObjectNode query = query(projectId, ROOT_FIELDS);
            query.put("is_root", true);
            return client.queryRuns(query)
                    .map(raw -> LangSmithRun.from(raw, mapper))
                    .takeWhile(root -> grouper.size() < limit || grouper.contains(root))
                    .doOnNext(grouper::add)
                    .then(Mono.fromSupplier(grouper::summaries));
        }));
    }

    /** Imports listed conversations, reading each one's traces, in the given order. */
    public Flux<Trajectory> importConversations(List<ConversationSummary> conversations, ImportProgress progress) {
        return importEach(conversations.stream().map(ConversationSummary::conversationId).toList(),
                index -> Mono.just(conversations.get(index).traceIds()), progress);
    }

    /** Imports conversations by id: thread ids (metadata session_id, thread_id or conversation_id) or trace ids. */
    public Flux<Trajectory> importConversationIds(List<String> conversationIds, ImportProgress progress) {
        return importEach(conversationIds, index -> traceIdsOf(conversationIds.get(index)), progress);
    }

    private Flux<Trajectory> importEach(List<String> conversationIds,
            java.util.function.IntFunction<Mono<List<String>>> traceIds, ImportProgress progress) {
        int total = conversationIds.size();
        ProgressCounter counter = new ProgressCounter(total, progress, logger, "LangSmith conversations");
        return Flux.range(0, total).concatMap(index -> {
            String conversationId = conversationIds.get(index);
            return traceIds.apply(index)
                    .flatMap(traces -> runsOf(traces))
                    .map(runs -> transformer.transform(conversationId, runs))
                    .onErrorResume(failure -> Mono.just(failed(conversationId, failure)))
                    .doOnNext(trajectory -> counter.conversationDone());
        });
    }

    private Mono<List<LangSmithRun>> runsOf(List<String> traceIds) {
        return client.projectId().flatMap(projectId -> Flux.fromIterable(traceIds)
                .concatMap(traceId -> {
                    ObjectNode query = query(projectId, RUN_FIELDS);
                    query.put("trace", traceId);
                    return client.queryRuns(query);
                })
                .map(raw -> LangSmithRun.from(raw, mapper))
                .collectList());
    }

    private Mono<List<String>> traceIdsOf(String conversationId) {
        return client.projectId().flatMap(projectId -> {
            ObjectNode query = query(projectId, ROOT_FIELDS);
            query.put("is_root", true);
            query.put("filter", "and(in(metadata_key, [\"session_id\",\"conversation_id\",\"thread_id\"]), "
                    + "eq(metadata_value, \"" + conversationId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"))");
            return client.queryRuns(query)
                    .map(raw -> LangSmithRun.from(raw, mapper))
                    .map(root -> root.traceId() != null ? root.traceId() : root.id())
                    .distinct()
                    .collectList()
                    .map(traces -> traces.isEmpty() && LangSmithClient.isUuid(conversationId)
                            ? List.of(conversationId) : traces);
        });
    }

    private ObjectNode query(String projectId, List<String> select) {
        ObjectNode query = mapper.createObjectNode();
        query.putArray("session").add(projectId);
        ArrayNode fields = query.putArray("select");
        select.forEach(fields::add);
        return query;
    }

    private static Trajectory failed(String conversationId, Throwable failure) {
        logger.warn("Could not import LangSmith conversation {}: {}", conversationId, failure.getMessage());
        return ConversationTransformer.failed(conversationId, "import failed: " + failure.getMessage());
    }
}
