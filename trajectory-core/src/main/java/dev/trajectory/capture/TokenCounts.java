package dev.trajectory.capture;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The usage map of an assistant message, from the counts an AI framework reports. */
public final class TokenCounts {

    private TokenCounts() {
    }

    /** {@code input_tokens}, {@code output_tokens} and {@code total_tokens}, leaving out counts not reported. */
    public static Map<String, Long> of(@Nullable Integer input, @Nullable Integer output, @Nullable Integer total) {
        Map<String, Long> usage = new LinkedHashMap<>();
        putIfReported(usage, "input_tokens", input);
        putIfReported(usage, "output_tokens", output);
        putIfReported(usage, "total_tokens", total);
        return usage;
    }

    private static void putIfReported(Map<String, Long> usage, String key, @Nullable Integer value) {
        if (value != null && value > 0) {
            usage.put(key, value.longValue());
        }
    }
}
