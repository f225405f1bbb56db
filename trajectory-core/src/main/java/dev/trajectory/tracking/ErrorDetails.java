package dev.trajectory.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The properties of an error event, bounded however deep or long the exception: {@code error_type},
 * {@code error_message}, {@code stack_trace} (at most {@value #MAX_FRAMES} frames and a number of characters,
 * {@value #DEFAULT_MAX_STACK_TRACE_CHARS} unless given) and {@code causes} (at most {@value #MAX_CAUSES}, each with its
 * type and message).
 */
public final class ErrorDetails {

    static final int MAX_FRAMES = 50;

    /** Characters of stack trace kept when no limit is given. */
    public static final int DEFAULT_MAX_STACK_TRACE_CHARS = 8192;

    static final int MAX_CAUSES = 8;

    static final int MAX_MESSAGE_CHARS = 2048;

    private ErrorDetails() {
    }

    /** The error's properties, to merge into an event, with the default stack trace limit. */
    public static Map<String, Object> of(Throwable error) {
        return of(error, DEFAULT_MAX_STACK_TRACE_CHARS);
    }

    /** The error's properties, to merge into an event, with the stack trace cut at {@code maxStackTraceChars}. */
    public static Map<String, Object> of(Throwable error, int maxStackTraceChars) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error_type", error.getClass().getName());
        details.put("error_message", truncate(String.valueOf(error.getMessage()), MAX_MESSAGE_CHARS));
        details.put("stack_trace", stackTrace(error, maxStackTraceChars));
        List<Map<String, String>> causes = causes(error);
        if (!causes.isEmpty()) {
            details.put("causes", causes);
        }
        return details;
    }

    private static String stackTrace(Throwable error, int maxChars) {
        StringBuilder text = new StringBuilder(error.toString());
        StackTraceElement[] frames = error.getStackTrace();
        int shown = Math.min(frames.length, MAX_FRAMES);
        for (int i = 0; i < shown && text.length() < maxChars; i++) {
            text.append("\n\tat ").append(frames[i]);
        }
        if (frames.length > shown) {
            text.append("\n\t... ").append(frames.length - shown).append(" more");
        }
        return truncate(text.toString(), maxChars);
    }

    private static List<Map<String, String>> causes(Throwable error) {
        List<Map<String, String>> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(error);
        for (Throwable cause = error.getCause(); cause != null && seen.add(cause) && causes.size() < MAX_CAUSES;
                cause = cause.getCause()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("type", cause.getClass().getName());
            entry.put("message", truncate(String.valueOf(cause.getMessage()), MAX_MESSAGE_CHARS));
            causes.add(entry);
        }
        return causes;
    }

    private static String truncate(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        if (max <= 0) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
