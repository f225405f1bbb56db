package dev.trajectory.langsmith;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.trajectory.push.ApiKey;
import org.jspecify.annotations.Nullable;

/**
 * Where LangSmith is and how to talk to it. Build with {@link #builder()}; values left unset fall back to the
 * environment ({@code LANGSMITH_*}, then {@code LANGCHAIN_*}) and then to the defaults.
 *
 * @param endpoint          the API's base URL; paths such as {@code /runs/query} are appended to it, so a self-hosted
 *                          instance's {@code /api/v1} prefix belongs here
 * @param apiKey            sent as {@code x-api-key}; printed masked
 * @param project           the project (LangSmith "session") as an id or a name; a name is resolved once
 * @param workspaceId       sent as {@code X-Tenant-Id} when set, for keys that reach several workspaces
 * @param destinationId     the bulk-export destination, for bulk imports without a local source
 * @param pageSize          runs asked for per query page
 * @param requestsPerWindow most requests sent within one {@code throttleWindow}
 * @param throttleWindow    the window the request limit applies to
 * @param timeout           time allowed for one request
 * @param maxRetries        retries of a request after the first attempt (429, 5xx, I/O errors)
 * @param initialBackoff    wait before the first retry, doubled per retry with jitter
 * @param maxBackoff        longest wait between attempts, also bounding a server's Retry-After
 */
public record LangSmithSettings(URI endpoint, @Nullable ApiKey apiKey, @Nullable String project,
        @Nullable String workspaceId, @Nullable String destinationId, int pageSize, int requestsPerWindow,
        Duration throttleWindow, Duration timeout, int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** The public LangSmith API. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://api.smith.langchain.com");

    /** Runs asked for per page of a runs query, as LangSmith's own SDKs do. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** LangSmith allows about 15 runs queries in 10 seconds per key. */
    public static final int DEFAULT_REQUESTS_PER_WINDOW = 15;

    public static final Duration DEFAULT_THROTTLE_WINDOW = Duration.ofSeconds(10);

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static final int DEFAULT_MAX_RETRIES = 5;

    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

    public LangSmithSettings {
        String scheme = endpoint.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("LangSmith endpoint must be an absolute http(s) URL but was '"
                    + endpoint + "'");
        }
        requirePositive("pageSize", pageSize);
        requirePositive("requestsPerWindow", requestsPerWindow);
        requirePositive("throttleWindow", throttleWindow);
        requirePositive("timeout", timeout);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URL of an API path such as {@code /runs/query}. */
    public URI resolve(String path) {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The API key, or an exception naming the settings that could provide one. */
    public ApiKey requireApiKey() {
        if (apiKey == null) {
            throw new IllegalStateException("no LangSmith API key: set trajectory.langsmith.api-key, LANGSMITH_API_KEY "
                    + "or LANGCHAIN_API_KEY");
        }
        return apiKey;
    }

    /** The project, or an exception naming the settings that could provide one. */
    public String requireProject() {
        if (project == null) {
            throw new IllegalStateException("no LangSmith project: set trajectory.langsmith.project (an id or a name)");
        }
        return project;
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0 but was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was " + value);
        }
    }

    /** Builds {@link LangSmithSettings}; unset values come from the environment, then the defaults. */
    public static final class Builder {

        private @Nullable String endpoint;

        private @Nullable String apiKey;

        private @Nullable String project;

        private @Nullable String workspaceId;

        private @Nullable String destinationId;

        private int pageSize = DEFAULT_PAGE_SIZE;

        private int requestsPerWindow = DEFAULT_REQUESTS_PER_WINDOW;

        private Duration throttleWindow = DEFAULT_THROTTLE_WINDOW;

        private Duration timeout = DEFAULT_TIMEOUT;

        private int maxRetries = DEFAULT_MAX_RETRIES;

        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Map<String, String> environment = System.getenv();

        private Builder() {
        }

        public Builder endpoint(@Nullable String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder project(@Nullable String project) {
            this.project = project;
            return this;
        }

        public Builder workspaceId(@Nullable String workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        public Builder destinationId(@Nullable String destinationId) {
            this.destinationId = destinationId;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** At most {@code requests} requests in any {@code window}; LangSmith allows about 15 in 10 s per key. */
        public Builder throttle(int requests, Duration window) {
            this.requestsPerWindow = requests;
            this.throttleWindow = window;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder retries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
            this.maxRetries = maxRetries;
            this.initialBackoff = initialBackoff;
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** The environment unset values fall back to; the process environment unless replaced (tests). */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public LangSmithSettings build() {
            String key = firstSet(apiKey, environment.get("LANGSMITH_API_KEY"), environment.get("LANGCHAIN_API_KEY"));
            String url = firstSet(endpoint, environment.get("LANGSMITH_ENDPOINT"), environment.get("LANGCHAIN_ENDPOINT"));
            String projectName = firstSet(project, environment.get("LANGSMITH_PROJECT"),
                    environment.get("LANGCHAIN_PROJECT"));
            String workspace = firstSet(workspaceId, environment.get("LANGSMITH_WORKSPACE_ID"),
                    environment.get("LANGCHAIN_WORKSPACE_ID"));
            return new LangSmithSettings(url == null ? DEFAULT_ENDPOINT : URI.create(url.trim()),
                    key == null ? null : ApiKey.of(key), projectName, workspace, destinationId, pageSize,
                    requestsPerWindow, throttleWindow, timeout, maxRetries, initialBackoff, maxBackoff);
        }

        private static @Nullable String firstSet(@Nullable String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
            return null;
        }
    }
}
