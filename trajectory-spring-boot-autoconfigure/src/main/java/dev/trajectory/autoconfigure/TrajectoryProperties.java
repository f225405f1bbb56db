package dev.trajectory.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.trajectory.capture.CaptureSettings;
import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.langsmith.LangSmithSettings;
import dev.trajectory.push.PushSettings;
import dev.trajectory.push.RequestCompression;
import dev.trajectory.push.TrajectoryUploader;
import dev.trajectory.spool.DurabilityMode;
import dev.trajectory.spool.SpoolSettings;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.tracking.ErrorDetails;
import dev.trajectory.tracking.TrackingSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Trajectory, under {@code trajectory}. Setters refuse bad values, so a wrong setting fails
 * start-up with a message naming the property.
 */
@ConfigurationProperties(TrajectoryProperties.PREFIX)
public class TrajectoryProperties {

    public static final String PREFIX = "trajectory";

    /**
     * Whether telemetry is recorded and sent.
     */
    private boolean enabled = true;

    /**
     * Identifier of the Trajectory project events belong to.
     */
    private @Nullable String projectId;

    /**
     * API key of the Trajectory project. Without one, events are written to the local folder instead.
     */
    private @Nullable String apiKey;

    /**
     * Base URL of the Trajectory ingest API.
     */
    private URI baseUrl = TelemetryClientBuilder.DEFAULT_BASE_URL;

    /**
     * Organisation that pushed events are attributed to in the log.
     */
    private @Nullable String organizationId;

    /**
     * Source recorded on events the client creates.
     */
    private String source = TelemetryEvent.DEFAULT_SOURCE;

    /**
     * Whether to log every request sent to the ingest API.
     */
    private boolean debug;

    private final Push push = new Push();

    private final Local local = new Local();

    private final Tracking tracking = new Tracking();

    private final LangSmith langsmith = new LangSmith();

    private final Trajectories trajectories = new Trajectories();

    private final Redaction redaction = new Redaction();

    private final Spool spool = new Spool();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getProjectId() {
        return projectId;
    }

    public void setProjectId(@Nullable String projectId) {
        this.projectId = projectId;
    }

    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /** Whether no API key is set, so events are written locally. */
    public boolean isLocalMode() {
        return apiKey == null || apiKey.isBlank();
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || baseUrl.getHost() == null) {
            throw invalid("base-url", baseUrl, "must be an absolute http:// or https:// URL with a host");
        }
        this.baseUrl = baseUrl;
    }

    public @Nullable String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(@Nullable String organizationId) {
        this.organizationId = organizationId;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        if (source == null || source.isBlank()) {
            throw invalid("source", source, "must not be blank");
        }
        this.source = source;
    }

    public boolean isDebug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public Push getPush() {
        return push;
    }

    public Local getLocal() {
        return local;
    }

    public Tracking getTracking() {
        return tracking;
    }

    public LangSmith getLangsmith() {
        return langsmith;
    }

    public Trajectories getTrajectories() {
        return trajectories;
    }

    public Redaction getRedaction() {
        return redaction;
    }

    public Spool getSpool() {
        return spool;
    }

    /** An error naming the full property, the value and the rule; never used for secrets. */
    static IllegalArgumentException invalid(String property, @Nullable Object value, String rule) {
        return new IllegalArgumentException(PREFIX + "." + property + " " + rule + " but was '" + value + "'");
    }

    /** How events are chunked, sent and retried. */
    public static class Push {

        /**
         * Maximum number of events in one request.
         */
        private int chunkSize = PushSettings.DEFAULT_CHUNK_SIZE;

        /**
         * Number of retries of a failed request after the first attempt.
         */
        private int maxRetries = PushSettings.DEFAULT_MAX_RETRIES;

        /**
         * Maximum size of one request body before compression.
         */
        private DataSize maxRequestSize = DataSize.ofBytes(PushSettings.DEFAULT_MAX_REQUEST_BYTES);

        /**
         * Maximum serialised size of one event; larger events are skipped and reported.
         */
        private DataSize maxEventSize = DataSize.ofBytes(PushSettings.DEFAULT_MAX_EVENT_BYTES);

        /**
         * Time allowed for one request, from sending it to reading the whole answer.
         */
        private Duration timeout = Duration.ofSeconds(10);

        /**
         * Wait before the first retry; each further retry waits twice as long, with jitter.
         */
        private Duration initialBackoff = Duration.ofMillis(500);

        /**
         * Longest wait between two attempts, also bounding a server's Retry-After.
         */
        private Duration maxBackoff = Duration.ofSeconds(30);

        /**
         * How request bodies are encoded: gzip (4 to 8 times fewer bytes on the wire) or none (no compression CPU,
         * for a collector on the same host or network).
         */
        private RequestCompression compression = RequestCompression.GZIP;

        public int getChunkSize() {
            return chunkSize;
        }

        public void setChunkSize(int chunkSize) {
            requirePositive("push.chunk-size", chunkSize);
            this.chunkSize = chunkSize;
        }

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw invalid("push.max-retries", maxRetries, "must not be negative");
            }
            this.maxRetries = maxRetries;
        }

        public DataSize getMaxRequestSize() {
            return maxRequestSize;
        }

        public void setMaxRequestSize(DataSize maxRequestSize) {
            requirePositive("push.max-request-size", maxRequestSize.toBytes());
            this.maxRequestSize = maxRequestSize;
        }

        public DataSize getMaxEventSize() {
            return maxEventSize;
        }

        public void setMaxEventSize(DataSize maxEventSize) {
            requirePositive("push.max-event-size", maxEventSize.toBytes());
            this.maxEventSize = maxEventSize;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            requirePositive("push.timeout", timeout);
            this.timeout = timeout;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            requirePositive("push.initial-backoff", initialBackoff);
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            requirePositive("push.max-backoff", maxBackoff);
            this.maxBackoff = maxBackoff;
        }

        public RequestCompression getCompression() {
            return compression;
        }

        public void setCompression(RequestCompression compression) {
            this.compression = compression;
        }

        /** These settings for the push service; fails naming the properties when they contradict each other. */
        public PushSettings toSettings() {
            if (maxEventSize.toBytes() >= maxRequestSize.toBytes()) {
                throw new IllegalStateException(PREFIX + ".push.max-event-size (" + maxEventSize
                        + ") must be smaller than " + PREFIX + ".push.max-request-size (" + maxRequestSize + ")");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException(PREFIX + ".push.max-backoff (" + maxBackoff
                        + ") must not be shorter than " + PREFIX + ".push.initial-backoff (" + initialBackoff + ")");
            }
            return new PushSettings(chunkSize, maxRetries, maxRequestSize.toBytes(), maxEventSize.toBytes(), timeout,
                    initialBackoff, maxBackoff, compression);
        }

    }

    /** Local mode, used when no API key is set. */
    public static class Local {

        /**
         * Folder that events are written to, as JSON lines, when no API key is set.
         */
        private Path dir = TelemetryClientBuilder.DEFAULT_LOCAL_DIRECTORY;

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }
    }

    /** The background pipeline behind {@code track(...)}. */
    public static class Tracking {

        private static final TrackingSettings DEFAULTS = TrackingSettings.defaults();

        /**
         * Maximum number of events waiting to be sent; further events are dropped and counted.
         */
        private int maxQueueSize = DEFAULTS.maxQueueSize();

        /**
         * Number of queued events that triggers a flush.
         */
        private int flushAt = DEFAULTS.flushAt();

        /**
         * Longest time an event waits in the queue before a flush.
         */
        private Duration flushInterval = DEFAULTS.flushInterval();

        /**
         * Longest time the application's shutdown waits for queued events to be delivered.
         */
        private Duration shutdownTimeout = DEFAULTS.shutdownTimeout();

        /**
         * Inactivity after which a user's generated session id is replaced by a new one.
         */
        private Duration sessionTimeout = DEFAULTS.sessionTimeout();

        /**
         * Maximum number of users whose generated sessions are remembered.
         */
        private int maxSessions = DEFAULTS.maxSessions();

        /**
         * Maximum number of batches being sent at once; while the backend answers one, the next is prepared and
         * sent. 1 sends strictly one after another, in order.
         */
        private int maxRequestsInFlight = DEFAULTS.maxRequestsInFlight();

        /**
         * Folder for the anonymous client id and the opt-out file config.json; defaults to
         * ~/.config/trajectory/{project-id}.
         */
        private @Nullable Path configDir;

        public int getMaxQueueSize() {
            return maxQueueSize;
        }

        public void setMaxQueueSize(int maxQueueSize) {
            requirePositive("tracking.max-queue-size", maxQueueSize);
            this.maxQueueSize = maxQueueSize;
        }

        public int getFlushAt() {
            return flushAt;
        }

        public void setFlushAt(int flushAt) {
            requirePositive("tracking.flush-at", flushAt);
            this.flushAt = flushAt;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            requirePositive("tracking.flush-interval", flushInterval);
            this.flushInterval = flushInterval;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            requirePositive("tracking.shutdown-timeout", shutdownTimeout);
            this.shutdownTimeout = shutdownTimeout;
        }

        public Duration getSessionTimeout() {
            return sessionTimeout;
        }

        public void setSessionTimeout(Duration sessionTimeout) {
            requirePositive("tracking.session-timeout", sessionTimeout);
            this.sessionTimeout = sessionTimeout;
        }

        public int getMaxSessions() {
            return maxSessions;
        }

        public void setMaxSessions(int maxSessions) {
            requirePositive("tracking.max-sessions", maxSessions);
            this.maxSessions = maxSessions;
        }

        public int getMaxRequestsInFlight() {
            return maxRequestsInFlight;
        }

        public void setMaxRequestsInFlight(int maxRequestsInFlight) {
            requirePositive("tracking.max-requests-in-flight", maxRequestsInFlight);
            this.maxRequestsInFlight = maxRequestsInFlight;
        }

        public @Nullable Path getConfigDir() {
            return configDir;
        }

        public void setConfigDir(@Nullable Path configDir) {
            this.configDir = configDir;
        }

        public TrackingSettings toSettings() {
            return new TrackingSettings(maxQueueSize, flushAt, flushInterval, shutdownTimeout, sessionTimeout,
                    maxSessions, maxRequestsInFlight);
        }
    }

    /** The disk spool that keeps undeliverable events and replays them. */
    public static class Spool {

        private static final SpoolSettings DEFAULTS = SpoolSettings.defaults(Path.of("spool"));

        /**
         * Whether undeliverable events are kept in a disk spool and replayed.
         */
        private boolean enabled = true;

        /**
         * Folder of the spool's segment files; defaults to a "spool" folder inside trajectory.local.dir.
         */
        private @Nullable Path dir;

        /**
         * Maximum size of the spool on disk; beyond it the oldest segment is evicted.
         */
        private DataSize maxSize = DataSize.ofBytes(DEFAULTS.maxBytes());

        /**
         * What the spool writes: on-failure for undeliverable events only, write-ahead for every accepted event.
         */
        private DurabilityMode durability = DEFAULTS.durability();

        /**
         * Longest time written events wait before they are forced to the storage device.
         */
        private Duration fsyncInterval = DEFAULTS.fsyncInterval();

        /**
         * Amount of written, unforced data that triggers a force before the interval has passed.
         */
        private DataSize fsyncSize = DataSize.ofBytes(DEFAULTS.fsyncBytes());

        /**
         * Wait between replay attempts while the backend is failing.
         */
        private Duration replayInterval = DEFAULTS.replayInterval();

        /**
         * Whether events written in local mode are delivered at the first start with an API key.
         */
        private boolean replayLocal = DEFAULTS.replayLocal();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Path getDir() {
            return dir;
        }

        public void setDir(@Nullable Path dir) {
            this.dir = dir;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            requirePositive("spool.max-size", maxSize.toBytes());
            this.maxSize = maxSize;
        }

        public DurabilityMode getDurability() {
            return durability;
        }

        public void setDurability(DurabilityMode durability) {
            this.durability = durability;
        }

        public Duration getFsyncInterval() {
            return fsyncInterval;
        }

        public void setFsyncInterval(Duration fsyncInterval) {
            requirePositive("spool.fsync-interval", fsyncInterval);
            this.fsyncInterval = fsyncInterval;
        }

        public DataSize getFsyncSize() {
            return fsyncSize;
        }

        public void setFsyncSize(DataSize fsyncSize) {
            requirePositive("spool.fsync-size", fsyncSize.toBytes());
            this.fsyncSize = fsyncSize;
        }

        public Duration getReplayInterval() {
            return replayInterval;
        }

        public void setReplayInterval(Duration replayInterval) {
            requirePositive("spool.replay-interval", replayInterval);
            this.replayInterval = replayInterval;
        }

        public boolean isReplayLocal() {
            return replayLocal;
        }

        public void setReplayLocal(boolean replayLocal) {
            this.replayLocal = replayLocal;
        }

        /** These settings for the spool, or {@code null} when it is off; the folder defaults into the local one. */
        public @Nullable SpoolSettings toSettings(Path localDir) {
            if (!enabled) {
                return null;
            }
            long maxBytes = maxSize.toBytes();
            return new SpoolSettings(dir != null ? dir : localDir.resolve("spool"), maxBytes,
                    SpoolSettings.segmentBytesFor(maxBytes), durability, fsyncInterval, fsyncSize.toBytes(),
                    replayInterval, replayLocal);
        }
    }

    /** Import of agent conversations recorded in LangSmith. */
    public static class LangSmith {

        /**
         * LangSmith API key; falls back to the LANGSMITH_API_KEY, then LANGCHAIN_API_KEY environment variables.
         */
        private @Nullable String apiKey;

        /**
         * LangSmith API endpoint; falls back to LANGSMITH_ENDPOINT, then the public LangSmith API.
         */
        private @Nullable String endpoint;

        /**
         * LangSmith project to import from, by id or by name.
         */
        private @Nullable String project;

        /**
         * LangSmith workspace, sent as the X-Tenant-Id header.
         */
        private @Nullable String workspaceId;

        /**
         * Bulk-export destination that live exports are written to.
         */
        private @Nullable String destinationId;

        /**
         * Number of runs asked for per page of a runs query.
         */
        private int pageSize = LangSmithSettings.DEFAULT_PAGE_SIZE;

        /**
         * Maximum number of LangSmith requests in one throttle window.
         */
        private int requestsPerWindow = LangSmithSettings.DEFAULT_REQUESTS_PER_WINDOW;

        /**
         * Length of the window the request limit applies to.
         */
        private Duration throttleWindow = LangSmithSettings.DEFAULT_THROTTLE_WINDOW;

        /**
         * Time allowed for one LangSmith request.
         */
        private Duration timeout = LangSmithSettings.DEFAULT_TIMEOUT;

        /**
         * Number of retries of a LangSmith request answered 429 or 5xx.
         */
        private int maxRetries = LangSmithSettings.DEFAULT_MAX_RETRIES;

        /**
         * Wait before the first retry of a LangSmith request.
         */
        private Duration initialBackoff = LangSmithSettings.DEFAULT_INITIAL_BACKOFF;

        /**
         * Longest wait between two attempts of a LangSmith request.
         */
        private Duration maxBackoff = LangSmithSettings.DEFAULT_MAX_BACKOFF;

        public @Nullable String getApiKey() {
            return apiKey;
        }

        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        public @Nullable String getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(@Nullable String endpoint) {
            if (endpoint != null && !endpoint.isBlank()) {
                URI uri;
                try {
                    uri = URI.create(endpoint.trim());
                }
                catch (IllegalArgumentException ex) {
                    throw invalid("langsmith.endpoint", endpoint, "must be an absolute http:// or https:// URL");
                }
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    throw invalid("langsmith.endpoint", endpoint, "must be an absolute http:// or https:// URL");
                }
            }
            this.endpoint = endpoint;
        }

        public @Nullable String getProject() {
            return project;
        }

        public void setProject(@Nullable String project) {
            this.project = project;
        }

        public @Nullable String getWorkspaceId() {
            return workspaceId;
        }

        public void setWorkspaceId(@Nullable String workspaceId) {
            this.workspaceId = workspaceId;
        }

        public @Nullable String getDestinationId() {
            return destinationId;
        }

        public void setDestinationId(@Nullable String destinationId) {
            this.destinationId = destinationId;
        }

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            requirePositive("langsmith.page-size", pageSize);
            this.pageSize = pageSize;
        }

        public int getRequestsPerWindow() {
            return requestsPerWindow;
        }

        public void setRequestsPerWindow(int requestsPerWindow) {
            requirePositive("langsmith.requests-per-window", requestsPerWindow);
            this.requestsPerWindow = requestsPerWindow;
        }

        public Duration getThrottleWindow() {
            return throttleWindow;
        }

        public void setThrottleWindow(Duration throttleWindow) {
            requirePositive("langsmith.throttle-window", throttleWindow);
            this.throttleWindow = throttleWindow;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            requirePositive("langsmith.timeout", timeout);
            this.timeout = timeout;
        }

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw invalid("langsmith.max-retries", maxRetries, "must not be negative");
            }
            this.maxRetries = maxRetries;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            requirePositive("langsmith.initial-backoff", initialBackoff);
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            requirePositive("langsmith.max-backoff", maxBackoff);
            this.maxBackoff = maxBackoff;
        }

        /** These settings, with the LANGSMITH_ and LANGCHAIN_ environment variables filling what is unset. */
        public LangSmithSettings toSettings() {
            return LangSmithSettings.builder().apiKey(apiKey).endpoint(endpoint).project(project)
                    .workspaceId(workspaceId).destinationId(destinationId).pageSize(pageSize)
                    .throttle(requestsPerWindow, throttleWindow).timeout(timeout)
                    .retries(maxRetries, initialBackoff, maxBackoff).build();
        }
    }

    /** Upload of trajectories to a dataset. */
    public static class Trajectories {

        /**
         * Maximum number of trajectories in one upload request.
         */
        private int uploadChunkSize = TrajectoryUploader.DEFAULT_CHUNK_SIZE;

        public int getUploadChunkSize() {
            return uploadChunkSize;
        }

        public void setUploadChunkSize(int uploadChunkSize) {
            requirePositive("trajectories.upload-chunk-size", uploadChunkSize);
            this.uploadChunkSize = uploadChunkSize;
        }
    }

    /** Redaction of personal data from trajectories before they leave the process. */
    public static class Redaction {

        /**
         * Whether emails, phone numbers, card numbers, IP addresses and secrets are replaced by placeholders in
         * imported and transformed trajectories.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    private static void requirePositive(String property, long value) {
        if (value <= 0) {
            throw invalid(property, value, "must be greater than 0");
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw invalid(property, value, "must be a positive duration");
        }
    }

    // Agent runs and request events (tracing, web)

    private final Tracing tracing = new Tracing();

    private final Web web = new Web();

    private final Console console = new Console();

    public Tracing getTracing() {
        return tracing;
    }

    public Web getWeb() {
        return web;
    }

    public Console getConsole() {
        return console;
    }

    /** Agent runs recorded by {@code @TraceAgentRun} and the context they carry across threads. */
    public static class Tracing {

        /**
         * Whether methods annotated with @TraceAgentRun are recorded as agent runs.
         */
        private boolean enabled = true;

        /**
         * Maximum number of events kept per agent run; later ones are dropped and counted on the run's end event.
         */
        private int maxEventsPerRun = TraceContext.Builder.DEFAULT_MAX_EVENTS;

        /**
         * Maximum number of stack trace characters recorded on an error event.
         */
        private int maxStackTraceLength = ErrorDetails.DEFAULT_MAX_STACK_TRACE_CHARS;

        /**
         * Whether Spring-managed task executors carry the current agent run to their threads.
         */
        private boolean propagateToExecutors = true;

        /**
         * Whether to switch on Reactor's automatic context propagation so operators on any thread see the agent run.
         */
        private boolean reactorContextPropagation = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxEventsPerRun() {
            return maxEventsPerRun;
        }

        public void setMaxEventsPerRun(int maxEventsPerRun) {
            if (maxEventsPerRun <= 0) {
                throw invalid("tracing.max-events-per-run", maxEventsPerRun, "must be greater than 0");
            }
            this.maxEventsPerRun = maxEventsPerRun;
        }

        public int getMaxStackTraceLength() {
            return maxStackTraceLength;
        }

        public void setMaxStackTraceLength(int maxStackTraceLength) {
            if (maxStackTraceLength < 0) {
                throw invalid("tracing.max-stack-trace-length", maxStackTraceLength, "must not be negative");
            }
            this.maxStackTraceLength = maxStackTraceLength;
        }

        public boolean isPropagateToExecutors() {
            return propagateToExecutors;
        }

        public void setPropagateToExecutors(boolean propagateToExecutors) {
            this.propagateToExecutors = propagateToExecutors;
        }

        public boolean isReactorContextPropagation() {
            return reactorContextPropagation;
        }

        public void setReactorContextPropagation(boolean reactorContextPropagation) {
            this.reactorContextPropagation = reactorContextPropagation;
        }
    }

    /** One {@code http.request} event per web request, servlet or reactive. */
    public static class Web {

        /**
         * Whether every web request records an http.request event.
         */
        private boolean enabled = true;

        /**
         * Request header the session id is taken from; without it the HTTP session's id is used, if one exists.
         */
        private String sessionHeader = "X-Session-Id";

        /**
         * Path patterns of requests that record nothing.
         */
        private List<String> excludedPaths = new ArrayList<>(List.of("/actuator/**"));

        /**
         * Share of requests recorded, from 0.0 (none) to 1.0 (all).
         */
        private double samplingRatio = 1.0;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getSessionHeader() {
            return sessionHeader;
        }

        public void setSessionHeader(String sessionHeader) {
            if (sessionHeader == null || sessionHeader.isBlank()) {
                throw invalid("web.session-header", sessionHeader, "must not be blank");
            }
            this.sessionHeader = sessionHeader;
        }

        public List<String> getExcludedPaths() {
            return excludedPaths;
        }

        public void setExcludedPaths(List<String> excludedPaths) {
            this.excludedPaths = new ArrayList<>(excludedPaths);
        }

        public double getSamplingRatio() {
            return samplingRatio;
        }

        public void setSamplingRatio(double samplingRatio) {
            if (!(samplingRatio >= 0.0 && samplingRatio <= 1.0)) {
                throw invalid("web.sampling-ratio", samplingRatio, "must be between 0.0 and 1.0");
            }
            this.samplingRatio = samplingRatio;
        }
    }

    /** The local console: recent agent runs, their steps and events, read from the local folder. */
    public static class Console {

        private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

        /**
         * Whether the console is served; when unset, only in local mode (no api-key).
         */
        private @Nullable Boolean enabled;

        /**
         * Path the console is served under.
         */
        private String path = "/trajectory";

        public @Nullable Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            if (path == null || !PATH.matcher(path).matches()) {
                throw invalid("console.path", path,
                        "must start with / and hold only letters, digits and . _ ~ - between slashes");
            }
            this.path = path;
        }

        /** Whether the console is served: as {@code enabled} says, or when it is unset only in local mode. */
        public static boolean served(@Nullable Boolean enabled, boolean localMode) {
            return enabled != null ? enabled : localMode;
        }

        /** Whether these settings serve the console, given whether the client runs in local mode. */
        public boolean isServed(boolean localMode) {
            return served(enabled, localMode);
        }
    }

    // Capture of model and tool calls (capture)

    private final Capture capture = new Capture();

    public Capture getCapture() {
        return capture;
    }

    /** Capture of Spring AI and LangChain4j model and tool calls into the current agent run. */
    public static class Capture {

        /**
         * Whether model and tool calls made inside an agent run are recorded as trajectory steps and events.
         */
        private boolean enabled = true;

        /**
         * Whether message text, tool arguments and tool results are kept; without it only roles, tool names, call
         * ids, usage and timings are.
         */
        private boolean content = true;

        /**
         * Whether an agent run that captured model calls is uploaded as a trajectory with its events, rather than
         * only pushing its events.
         */
        private boolean upload = true;

        /**
         * Maximum number of model calls kept as steps per agent run; later ones are counted, not kept.
         */
        private int maxSteps = CaptureSettings.DEFAULT_MAX_STEPS;

        /**
         * Maximum number of messages kept per step, the most recent ones.
         */
        private int maxMessagesPerStep = CaptureSettings.DEFAULT_MAX_MESSAGES_PER_STEP;

        /**
         * Maximum number of characters kept of one message text or tool result; the rest is cut.
         */
        private int maxContentLength = CaptureSettings.DEFAULT_MAX_CONTENT_LENGTH;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isContent() {
            return content;
        }

        public void setContent(boolean content) {
            this.content = content;
        }

        public boolean isUpload() {
            return upload;
        }

        public void setUpload(boolean upload) {
            this.upload = upload;
        }

        public int getMaxSteps() {
            return maxSteps;
        }

        public void setMaxSteps(int maxSteps) {
            requirePositive("capture.max-steps", maxSteps);
            this.maxSteps = maxSteps;
        }

        public int getMaxMessagesPerStep() {
            return maxMessagesPerStep;
        }

        public void setMaxMessagesPerStep(int maxMessagesPerStep) {
            requirePositive("capture.max-messages-per-step", maxMessagesPerStep);
            this.maxMessagesPerStep = maxMessagesPerStep;
        }

        public int getMaxContentLength() {
            return maxContentLength;
        }

        public void setMaxContentLength(int maxContentLength) {
            requirePositive("capture.max-content-length", maxContentLength);
            this.maxContentLength = maxContentLength;
        }

        /** These settings for the capture library. */
        public CaptureSettings toSettings() {
            return new CaptureSettings(content, maxSteps, maxMessagesPerStep, maxContentLength);
        }
    }
}
