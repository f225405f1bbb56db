package dev.trajectory.client;

import java.net.URI;
import java.nio.file.Path;

import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.local.LocalEventWriter;
import dev.trajectory.push.ApiKey;
import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.HttpChunkSender;
import dev.trajectory.push.IngestEndpoint;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.TraceUploader;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a {@link TelemetryClient}. With an API key events go to the ingest API at the base URL; without one the
 * client runs in local mode and writes them under the local folder.
 */
public final class TelemetryClientBuilder {

    /** Where events go when no base URL is given. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.trajectory.dev");

    /** Where local mode writes when no folder is given. */
    public static final Path DEFAULT_LOCAL_DIRECTORY = Path.of(".trajectory");

    private @Nullable ApiKey apiKey;

    private URI baseUrl = DEFAULT_BASE_URL;

    private @Nullable String projectId;

    private String source = TelemetryEvent.DEFAULT_SOURCE;

    private boolean debug;

    private PushSettings pushSettings = PushSettings.defaults();

    private Path localDirectory = DEFAULT_LOCAL_DIRECTORY;

    private WebClient.@Nullable Builder webClientBuilder;

    private JsonMapper mapper = TrajectoryJson.mapper();

    TelemetryClientBuilder() {
    }

    /** The project's API key; without one the client runs in local mode. */
    public TelemetryClientBuilder apiKey(@Nullable String apiKey) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : ApiKey.of(apiKey);
        return this;
    }

    public TelemetryClientBuilder baseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    public TelemetryClientBuilder baseUrl(String baseUrl) {
        return baseUrl(URI.create(baseUrl));
    }

    public TelemetryClientBuilder projectId(@Nullable String projectId) {
        this.projectId = projectId;
        return this;
    }

    /** Source recorded on events the client creates. */
    public TelemetryClientBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** Whether to log every request the client sends (never its key). */
    public TelemetryClientBuilder debug(boolean debug) {
        this.debug = debug;
        return this;
    }

    public TelemetryClientBuilder pushSettings(PushSettings pushSettings) {
        this.pushSettings = pushSettings;
        return this;
    }

    /** Folder local mode writes events to. */
    public TelemetryClientBuilder localDirectory(Path localDirectory) {
        this.localDirectory = localDirectory;
        return this;
    }

    /** The WebClient builder to send requests with, for custom connectors, proxies or filters. */
    public TelemetryClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
        this.webClientBuilder = webClientBuilder;
        return this;
    }

    public TelemetryClientBuilder jsonMapper(JsonMapper mapper) {
        this.mapper = mapper;
        return this;
    }

    /** Whether the client will run in local mode, writing events to a folder instead of sending them. */
    public boolean isLocalMode() {
        return apiKey == null;
    }

    /** Builds the sender events are delivered through: HTTP with an API key, the local folder without. */
    public ChunkSender buildChunkSender() {
        if (apiKey == null) {
            return new LocalEventWriter(localDirectory);
        }
        WebClient webClient = (webClientBuilder != null ? webClientBuilder : WebClient.builder()).build();
        return new HttpChunkSender(webClient, new IngestEndpoint(baseUrl, apiKey, projectId), pushSettings, mapper,
                debug);
    }

    /** Builds the push service over the given sender. */
    public EventPushService buildPushService(ChunkSender sender) {
        EventValidator validator = new EventValidator(new EventJsonWriter(mapper), pushSettings.maxEventBytes());
        return new EventPushService(sender, validator, pushSettings);
    }

    public TelemetryClient build() {
        TelemetryClient client = new TelemetryClient(buildPushService(buildChunkSender()), source);
        client.setSignals(ClientSignals.builder().serviceName(source).uploader(buildTraceUploader())
                .endpoint(isLocalMode() ? null : baseUrl).build());
        return client;
    }

    /** Builds the uploader of traces ({@code POST /v1/traces}); {@code null} in local mode. */
    public @Nullable TraceUploader buildTraceUploader() {
        if (apiKey == null) {
            return null;
        }
        WebClient webClient = (webClientBuilder != null ? webClientBuilder : WebClient.builder()).build();
        return new TraceUploader(webClient, new IngestEndpoint(baseUrl, apiKey, projectId), pushSettings,
                new EventValidator(new EventJsonWriter(mapper), pushSettings.maxEventBytes()), mapper);
    }

    /** The ingest base URL. */
    public URI baseUrl() {
        return baseUrl;
    }
}
