package dev.trajectory.push;

import org.springframework.http.HttpHeaders;

/** The headers every request to the ingest API carries: bearer token, User-Agent and project. */
final class IngestHeaders {

    static final String PROJECT_HEADER = "X-Trajectory-Project";

    private IngestHeaders() {
    }

    static void apply(HttpHeaders headers, IngestEndpoint endpoint) {
        headers.setBearerAuth(endpoint.apiKey().reveal());
        headers.set(HttpHeaders.USER_AGENT, SdkVersion.userAgent());
        if (endpoint.projectId() != null) {
            headers.set(PROJECT_HEADER, endpoint.projectId());
        }
    }
}
