package dev.trajectory.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.PushSettings;
import dev.trajectory.trace.ErrorDetails;
import dev.trajectory.trace.TraceContext;
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
                    initialBackoff, maxBackoff);
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
    // Agent runs and request events (tracing, web)

    private final Tracing tracing = new Tracing();

    private final Web web = new Web();

    public Tracing getTracing() {
        return tracing;
    }

    public Web getWeb() {
        return web;
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
}
