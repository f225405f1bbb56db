package dev.trajectory.push;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Where and as whom events are sent.
 *
 * @param baseUrl   the ingest API's base URL; requests go to paths under it such as {@code /v1/events}
 * @param apiKey    the project's API key, sent as a bearer token
 * @param projectId the project the events belong to, sent as {@code X-Trajectory-Project}, when set
 */
public record IngestEndpoint(URI baseUrl, ApiKey apiKey, @Nullable String projectId) {

    public IngestEndpoint {
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL but was '" + baseUrl + "'");
        }
    }

    /** The URL of an API path such as {@code /v1/events}. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
