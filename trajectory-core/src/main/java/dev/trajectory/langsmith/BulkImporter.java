package dev.trajectory.langsmith;

import java.nio.file.Path;

import dev.trajectory.trajectory.Trajectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import: conversations from the parquet files of a LangSmith bulk export, transformed exactly as the live
 * import transforms them; or a live export started and awaited. Reading blocks, so it runs on the bounded-elastic
 * scheduler; trajectories are emitted one conversation at a time as they are read, on demand.
 */
public final class BulkImporter {

    private static final Logger logger = LoggerFactory.getLogger(BulkImporter.class);

    private final BulkExportClient exports;

    private final ConversationTransformer transformer;

    private final JsonMapper mapper;

    public BulkImporter(BulkExportClient exports, ConversationTransformer transformer, JsonMapper mapper) {
        this.exports = exports;
        this.transformer = transformer;
        this.mapper = mapper;
    }

    /**
     * The conversations of the export files at the request's source, the earliest first, at most {@code limit},
     * only traces from {@code since}. A conversation that cannot be transformed is a trajectory with {@code error};
     * files that cannot be read at all fail the flux with a {@link BulkImportException}.
     */
    public Flux<Trajectory> importFiles(BulkImportRequest request, ImportProgress progress) {
        Path source = request.source();
        if (source == null) {
            return Flux.error(new IllegalArgumentException("importFiles needs a source; use export for a live export"));
        }
        return Flux.using(() -> BulkExportReader.open(source, request, mapper),
                reader -> conversations(reader, progress), BulkExportReader::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Starts a live export of the project from {@code since}, waits for it, and says where its files are. */
    public Mono<BulkExport> export(BulkImportRequest request) {
        if (request.since() == null) {
            return Mono.error(new IllegalArgumentException("a live bulk export needs since, its start time"));
        }
        return exports.start(request.since(), request.until())
                .flatMap(started -> exports.awaitCompletion(started, request.pollInterval(), request.timeout()))
                .doOnNext(done -> logger.info("LangSmith bulk export {} completed; files are in {}", done.id(),
                        done.location()));
    }

    private Flux<Trajectory> conversations(BulkExportReader reader, ImportProgress progress) {
        ProgressCounter counter = new ProgressCounter(reader.conversationCount(), progress, logger,
                "conversations from the bulk export");
        return Flux.<BulkExportReader.ExportedConversation>generate(sink -> {
            BulkExportReader.ExportedConversation next = reader.next();
            if (next == null) {
                sink.complete();
            }
            else {
                sink.next(next);
            }
        }).map(conversation -> {
            Trajectory trajectory = transformer.transform(conversation.conversationId(), conversation.runs());
            counter.conversationDone();
            return trajectory;
        });
    }
}
