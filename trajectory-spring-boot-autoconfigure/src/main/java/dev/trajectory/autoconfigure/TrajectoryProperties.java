package dev.trajectory.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.PushSettings;
import dev.trajectory.spool.DurabilityMode;
import dev.trajectory.spool.SpoolSettings;
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

        public @Nullable Path getConfigDir() {
            return configDir;
        }

        public void setConfigDir(@Nullable Path configDir) {
            this.configDir = configDir;
        }

        public TrackingSettings toSettings() {
            return new TrackingSettings(maxQueueSize, flushAt, flushInterval, shutdownTimeout, sessionTimeout,
                    maxSessions);
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
