package dev.trajectory.autoconfigure.web;

import java.util.List;

/** Secret header values the web tests send, to prove none of them is ever recorded. */
public final class SensitiveHeaders {

    public static final String AUTHORIZATION = "Bearer sk-live-authorization-secret";

    public static final String COOKIE = "SESSION=cookie-secret-value";

    public static final String API_KEY = "x-api-key-secret-value";

    private SensitiveHeaders() {
    }

    /** The secret values, to search recorded events for. */
    public static List<String> values() {
        return List.of("sk-live-authorization-secret", "cookie-secret-value", "x-api-key-secret-value");
    }
}
