package dev.trajectory.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.local.LocalDataDeletion;
import dev.trajectory.local.LocalEventWriter;
import dev.trajectory.local.LocalTraceStore;
import dev.trajectory.push.ApiKey;
import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.DeletionRequester;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.HttpChunkSender;
import dev.trajectory.push.HttpDeletionRequester;
import dev.trajectory.push.IngestEndpoint;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.TraceSink;
import dev.trajectory.push.TraceUploader;
import dev.trajectory.spool.DiskSpool;
import dev.trajectory.spool.EventSpool;
import dev.trajectory.spool.SpoolMetrics;
import dev.trajectory.spool.SpoolSettings;
import dev.trajectory.tracking.ClientIdentity;
import dev.trajectory.tracking.DropReason;
import dev.trajectory.tracking.EventEnricher;
import dev.trajectory.tracking.SessionTracker;
import dev.trajectory.tracking.TelemetryOptOut;
import dev.trajectory.tracking.TrackingMetrics;
import dev.trajectory.tracking.TrackingPipeline;
import dev.trajectory.tracking.TrackingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a {@link TelemetryClient}. With an API key events go to the ingest API at the base URL; without one the
 * client runs in local mode and writes them under the local folder. When the user has opted out (see
 * {@link TelemetryOptOut}) the client is built disabled and nothing else is created.
 */
public final class TelemetryClientBuilder {

    private static final Logger logger = LoggerFactory.getLogger(TelemetryClientBuilder.class);

    /** Where events go when no base URL is given. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.trajectory.dev");

    /** Where local mode writes when no folder is given. */
    public static final Path DEFAULT_LOCAL_DIRECTORY = Path.of(".trajectory");

    private @Nullable ApiKey apiKey;

    private URI baseUrl = DEFAULT_BASE_URL;

    private @Nullable String projectId;

    private String source = TelemetryEvent.DEFAULT_SOURCE;

    private boolean enabled = true;

    private boolean debug;

    private PushSettings pushSettings = PushSettings.defaults();

    private TrackingSettings trackingSettings = TrackingSettings.defaults();

    private Path localDirectory = DEFAULT_LOCAL_DIRECTORY;

    private @Nullable Path configDirectory;

    private WebClient.@Nullable Builder webClientBuilder;

    private JsonMapper mapper = TrajectoryJson.mapper();

    private @Nullable MeterRegistry meterRegistry;

    private @Nullable EventPushService pushService;

    private @Nullable TrackingMetrics trackingMetrics;

    private Function<String, @Nullable String> environment = System::getenv;

    private boolean registerShutdownHook = true;

    private Clock clock = Clock.systemUTC();

    private final List<EventEnricher> enrichers = new ArrayList<>();

    private @Nullable SpoolSettings spoolSettings;

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

    /** Whether telemetry is on; {@code false} builds a client that sends nothing. */
    public TelemetryClientBuilder enabled(boolean enabled) {
        this.enabled = enabled;
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

    public TelemetryClientBuilder trackingSettings(TrackingSettings trackingSettings) {
        this.trackingSettings = trackingSettings;
        return this;
    }

    /** Folder local mode writes events to. */
    public TelemetryClientBuilder localDirectory(Path localDirectory) {
        this.localDirectory = localDirectory;
        return this;
    }

    /**
     * Folder holding the client id and the opt-out file {@code config.json}; defaults to
     * {@code $XDG_CONFIG_HOME/trajectory/<project-id>}, or {@code ~/.config/trajectory/<project-id>}.
     */
    public TelemetryClientBuilder configDirectory(Path configDirectory) {
        this.configDirectory = configDirectory;
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

    /** Registry for the client's own metrics ({@code trajectory.*}); none by default. */
    public TelemetryClientBuilder meterRegistry(@Nullable MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        return this;
    }

    /** The counts the client keeps about itself; by default new ones, published to the meter registry if set. */
    public TelemetryClientBuilder trackingMetrics(TrackingMetrics trackingMetrics) {
        this.trackingMetrics = trackingMetrics;
        return this;
    }

    /** A push service to use instead of building one from the settings above. */
    public TelemetryClientBuilder pushService(@Nullable EventPushService pushService) {
        this.pushService = pushService;
        return this;
    }

    /** Where environment variables such as {@code DO_NOT_TRACK} are read from; the process environment by default. */
    public TelemetryClientBuilder environment(Function<String, @Nullable String> environment) {
        this.environment = environment;
        return this;
    }

    /** Whether a JVM shutdown hook flushes the client; on by default, off under Spring, which stops it itself. */
    public TelemetryClientBuilder registerShutdownHook(boolean registerShutdownHook) {
        this.registerShutdownHook = registerShutdownHook;
        return this;
    }

    /** Adds context to every event the client creates, in the order added. */
    public TelemetryClientBuilder enricher(EventEnricher enricher) {
        this.enrichers.add(enricher);
        return this;
    }

    /**
     * Keeps events that cannot be delivered in a disk spool and replays them; off unless called, so a plain client
     * writes nothing it was not asked to. The starter turns it on by default ({@code trajectory.spool.*}). Local
     * mode has no disk spool: its files are delivered instead, at the first start with a key.
     */
    public TelemetryClientBuilder spool(@Nullable SpoolSettings spoolSettings) {
        this.spoolSettings = spoolSettings;
        return this;
    }

    public TelemetryClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Whether the client will run in local mode, writing events to a folder instead of sending them. */
    public boolean isLocalMode() {
        return apiKey == null;
    }

    /** The configuration folder in use: the one set, or the default for the project. */
    public Path resolveConfigDirectory() {
        if (configDirectory != null) {
            return configDirectory;
        }
        String xdg = environment.apply("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("trajectory").resolve(projectId == null || projectId.isBlank() ? "default" : projectId);
    }

    /** Builds the sender events are delivered through: HTTP with an API key, the local folder without. */
    public ChunkSender buildChunkSender() {
        if (apiKey == null) {
            return new LocalEventWriter(localDirectory);
        }
        TrackingMetrics metrics = trackingMetrics();
        return new HttpChunkSender(webClient(), endpoint(apiKey), pushSettings, mapper, debug,
                failure -> metrics.retried());
    }

    private TrackingMetrics trackingMetrics() {
        if (trackingMetrics == null) {
            trackingMetrics = new TrackingMetrics(meterRegistry);
        }
        return trackingMetrics;
    }

    /** Builds the push service over the given sender. */
    public EventPushService buildPushService(ChunkSender sender) {
        return new EventPushService(sender, validator(), pushSettings);
    }

    /** Builds the client and starts its background worker, unless the user opted out. */
    public TelemetryClient build() {
        Path config = resolveConfigDirectory();
        Optional<String> optOut = TelemetryOptOut.reason(enabled, environment, config);
        if (optOut.isPresent()) {
            logger.info("Trajectory telemetry is off ({}); nothing will be recorded or sent", optOut.get());
            return TelemetryClient.disabled(optOut.get(), source);
        }
        if (apiKey == null) {
            logger.info("Trajectory local mode: no API key is set, so events are written as JSON lines under {} "
                    + "(set trajectory.api-key to send them to a backend)", localDirectory.toAbsolutePath().normalize());
        }
        TrackingMetrics metrics = trackingMetrics();
        EventPushService service = pushService != null ? pushService : buildPushService(buildChunkSender());
        DeletionRequester deletion = apiKey == null ? new LocalDataDeletion(localDirectory)
                : new HttpDeletionRequester(webClient(), endpoint(apiKey), pushSettings);
        // In local mode the local files are the spool: they are replayed once a key is set.
        EventSpool spool = spoolSettings == null || apiKey == null ? EventSpool.none()
                : openSpool(spoolSettings, service, metrics);
        TrackingPipeline pipeline = TrackingPipeline.start(service, trackingSettings, metrics, spool,
                registerShutdownHook);
        TelemetryClient.Tracking tracking = new TelemetryClient.Tracking(service, pipeline, new ClientIdentity(config),
                new SessionTracker(trackingSettings.sessionTimeout(), trackingSettings.maxSessions()),
                deletion, List.copyOf(enrichers), trackingSettings.shutdownTimeout(), clock);
        TelemetryClient client = new TelemetryClient(tracking, source);
        client.setSignals(ClientSignals.builder().serviceName(source).uploader(buildTraceUploader())
                .endpoint(isLocalMode() ? null : baseUrl).build());
        return client;
    }

    /**
     * Builds where agent runs go: {@code POST /v1/traces} with an API key, {@code {local-dir}/traces/} in local
     * mode.
     */
    public TraceSink buildTraceUploader() {
        if (apiKey == null) {
            return new LocalTraceStore(tracesDirectory(), validator(), mapper, LocalTraceStore.DEFAULT_MAX_TRACES);
        }
        return new TraceUploader(webClient(), endpoint(apiKey), pushSettings, validator(), mapper);
    }

    /** Where local mode keeps agent runs: {@code traces} under the local folder. */
    public Path tracesDirectory() {
        return localDirectory.resolve("traces");
    }

    /** The ingest base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    private EventValidator validator() {
        return new EventValidator(new EventJsonWriter(mapper), pushSettings.maxEventBytes());
    }

    private EventSpool openSpool(SpoolSettings settings, EventPushService service, TrackingMetrics metrics) {
        EventValidator encoder = new EventValidator(new EventJsonWriter(mapper), pushSettings.maxEventBytes());
        SpoolMetrics spoolMetrics = new SpoolMetrics(meterRegistry,
                evicted -> metrics.dropped(DropReason.SPOOL_FULL, evicted));
        return DiskSpool.open(settings, service, encoder, spoolMetrics, localModeFilesToReplay(settings), mapper);
    }

    /** What local mode wrote before a key was set, when the spool is asked to deliver it. */
    private List<Path> localModeFilesToReplay(SpoolSettings settings) {
        if (apiKey == null || !settings.replayLocal()) {
            return List.of();
        }
        try {
            return LocalEventWriter.eventFiles(localDirectory);
        }
        catch (IOException | RuntimeException ex) {
            logger.warn("Could not list the local-mode files in {} to deliver them: {}", localDirectory, ex.toString());
            return List.of();
        }
    }

    private IngestEndpoint endpoint(ApiKey key) {
        return new IngestEndpoint(baseUrl, key, projectId);
    }

    private WebClient webClient() {
        return (webClientBuilder != null ? webClientBuilder.clone() : WebClient.builder()).build();
    }
}
