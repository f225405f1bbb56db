package dev.trajectory.json;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's JSON settings: unknown properties are ignored (the backend may add fields), numbers that JSON cannot
 * represent are refused rather than written as bare {@code NaN}, and dates are ISO-8601 strings.
 */
public final class TrajectoryJson {

    private static final JsonMapper MAPPER = newMapper();

    private TrajectoryJson() {
    }

    /** A shared, thread-safe mapper with the SDK's settings. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the SDK's settings, for callers that add their own. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }
}
