package dev.trajectory.langsmith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangSmith's bulk-export API: start an export of the configured project to the configured destination
 * ({@code POST /bulk-exports}), poll its status ({@code GET /bulk-exports/{id}}) until it completes, fails or the
 * wait times out, and say where the files were written ({@code GET /bulk-exports/destinations/{id}}). Paths are
 * appended to the configured endpoint, like the runs query's. Statuses are compared ignoring case: LangSmith's
 * documentation and clients spell them differently.
 */
public final class BulkExportClient {

    private static final Logger logger = LoggerFactory.getLogger(BulkExportClient.class);

    private final LangSmithClient client;

    private final JsonMapper mapper;

    private final Clock clock;

    public BulkExportClient(LangSmithClient client, JsonMapper mapper) {
        this(client, mapper, Clock.systemUTC());
    }

    BulkExportClient(LangSmithClient client, JsonMapper mapper, Clock clock) {
        this.client = client;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Starts an export of the project's runs from {@code since} (inclusive) to {@code until} (exclusive; now). */
    public Mono<BulkExport> start(Instant since, @Nullable Instant until) {
        String destination = client.settings().destinationId();
        if (destination == null || destination.isBlank()) {
            return Mono.error(new IllegalStateException("a live bulk export needs a destination: set "
                    + "trajectory.langsmith.destination-id to the id of a LangSmith bulk-export destination"));
        }
        return client.projectId().flatMap(projectId -> {
            ObjectNode body = mapper.createObjectNode();
            body.put("bulk_export_destination_id", destination);
            body.put("session_id", projectId);
            body.put("start_time", since.toString());
            body.put("end_time", (until != null ? until : clock.instant()).toString());
            return client.send(HttpMethod.POST, "/bulk-exports", body);
        }).map(BulkExportClient::export).doOnNext(export -> logger.info(
                "Started LangSmith bulk export {} of project {} from {} (status {})", export.id(), export.sessionId(),
                since, export.status()));
    }

    /** The export's current state. */
    public Mono<BulkExport> status(String exportId) {
        return client.send(HttpMethod.GET, "/bulk-exports/" + exportId, null).map(BulkExportClient::export);
    }

    /**
     * Polls every {@code interval} until the export completes, then says where its files are. Fails with a
     * {@link BulkImportException} that names the export and its status when it fails, is cancelled or times out on
     * LangSmith's side, or has not finished within {@code timeout}.
     */
    public Mono<BulkExport> awaitCompletion(BulkExport started, Duration interval, Duration timeout) {
        AtomicReference<BulkExport> last = new AtomicReference<>(started);
        Mono<BulkExport> finished = started.isFinished() ? Mono.just(started)
                : Mono.defer(() -> Mono.delay(interval).then(status(started.id())))
                        .repeat()
                        .doOnNext(export -> {
                            if (!export.status().equalsIgnoreCase(last.get().status())) {
                                logger.info("LangSmith bulk export {} is {}", export.id(), export.status());
                            }
                            last.set(export);
                        })
                        .filter(BulkExport::isFinished)
                        .next()
                        .timeout(timeout, Mono.defer(() -> Mono.error(late(last.get(), timeout))));
        return finished.flatMap(export -> export.isCompleted() ? locate(export)
                : Mono.error(new BulkImportException("LangSmith bulk export " + export.id() + " ended with status "
                        + export.status() + (export.error() == null ? "" : ": " + export.error()))));
    }

    private static BulkImportException late(BulkExport last, Duration timeout) {
        return new BulkImportException("LangSmith bulk export " + last.id() + " did not finish within " + timeout
                + " (last status " + last.status() + "); it may still complete: check GET /bulk-exports/" + last.id());
    }

    /** The export with {@code location} set; a destination that cannot be read is named instead of failing. */
    Mono<BulkExport> locate(BulkExport export) {
        String destination = export.destinationId() != null ? export.destinationId()
                : client.settings().destinationId();
        if (destination == null) {
            return Mono.just(export.withLocation(partition(export)));
        }
        return client.send(HttpMethod.GET, "/bulk-exports/destinations/" + destination, null)
                .map(found -> export.withLocation(location(found, export)))
                .onErrorResume(failure -> {
                    logger.warn("Could not read LangSmith bulk-export destination {}: {}", destination,
                            failure.getMessage());
                    return Mono.just(export.withLocation("bucket of destination " + destination + ", under "
                            + partition(export)));
                });
    }

    private static String location(JsonNode destination, BulkExport export) {
        JsonNode config = destination.path("config");
        String bucket = LangSmithRun.text(config, "bucket_name");
        if (bucket == null) {
            return "bucket of destination " + export.destinationId() + ", under " + partition(export);
        }
        String prefix = LangSmithRun.text(config, "prefix");
        String path = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "") + "/";
        return "s3://" + bucket + "/" + path + partition(export);
    }

    /** The part of the files' path that LangSmith derives from the export. */
    private static String partition(BulkExport export) {
        StringBuilder path = new StringBuilder("export_id=").append(export.id()).append('/');
        if (export.tenantId() != null) {
            path.append("tenant_id=").append(export.tenantId()).append('/');
            if (export.sessionId() != null) {
                path.append("session_id=").append(export.sessionId()).append('/');
            }
        }
        return path.toString();
    }

    private static BulkExport export(JsonNode body) {
        String id = LangSmithRun.text(body, "id");
        if (id == null) {
            throw new BulkImportException("LangSmith answered a bulk-export request without an export id");
        }
        String status = LangSmithRun.text(body, "status");
        return new BulkExport(id, status == null ? "unknown" : status, LangSmithRun.text(body, "session_id"),
                LangSmithRun.text(body, "tenant_id"), LangSmithRun.text(body, "bulk_export_destination_id"),
                LangSmithRun.text(body, "error"), null);
    }
}
