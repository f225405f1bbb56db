package dev.trajectory.trace;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The properties describing an exception on an error event: type, message and a stack trace of bounded size. */
public final class ErrorDetails {

    /** Characters of stack trace kept when no limit is given. */
    public static final int DEFAULT_MAX_STACK_TRACE_CHARS = 4000;

    private static final int MAX_MESSAGE_CHARS = 1000;

    private static final int MAX_CAUSES = 5;

    private ErrorDetails() {
    }

    /** {@code error_type}, {@code error_message} and {@code stack_trace}, each cut to its limit. */
    public static Map<String, @Nullable Object> of(Throwable error, int maxStackTraceChars) {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("error_type", error.getClass().getName());
        properties.put("error_message", cut(String.valueOf(error.getMessage()), MAX_MESSAGE_CHARS));
        properties.put("stack_trace", stackTrace(error, maxStackTraceChars));
        return properties;
    }

    /** The stack trace with up to a few causes, cut at {@code maxChars}; never walks a cause cycle. */
    static String stackTrace(Throwable error, int maxChars) {
        StringBuilder text = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth <= MAX_CAUSES && text.length() < maxChars; depth++) {
            if (depth > 0) {
                text.append("Caused by: ");
            }
            text.append(current.getClass().getName()).append(": ").append(current.getMessage()).append('\n');
            for (StackTraceElement frame : current.getStackTrace()) {
                if (text.length() >= maxChars) {
                    break;
                }
                text.append("\tat ").append(frame).append('\n');
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return cut(text.toString(), maxChars);
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
    }
}
