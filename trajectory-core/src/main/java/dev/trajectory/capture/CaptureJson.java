package dev.trajectory.capture;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.trajectory.json.TrajectoryJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/** Reads the JSON texts AI frameworks hand over (tool arguments, parameter schemas) as maps. */
public final class CaptureJson {

    /** The key holding a text that is not a JSON object. */
    public static final String RAW = "_raw";

    private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
    };

    private CaptureJson() {
    }

    /** The JSON object as a map; empty for blank text, {@code {"_raw": text}} when it is not a JSON object. */
    public static Map<String, @Nullable Object> object(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return TrajectoryJson.mapper().readValue(json, MAP);
        }
        catch (JacksonException | IllegalArgumentException ex) {
            Map<String, @Nullable Object> raw = new LinkedHashMap<>();
            raw.put(RAW, json);
            return raw;
        }
    }
}
