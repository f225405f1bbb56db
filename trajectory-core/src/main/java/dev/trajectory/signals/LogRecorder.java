package dev.trajectory.signals;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.trajectory.trace.TraceContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes application log records through SLF4J (logger {@code dev.trajectory.app}) and records each as a
 * {@code log.record} event in the current agent run, if one is in progress. Attributes go to the event; the
 * message goes to both.
 */
public final class LogRecorder {

    private static final Logger appLogger = LoggerFactory.getLogger("dev.trajectory.app");

    private final SignalCounts counts;

    public LogRecorder(SignalCounts counts) {
        this.counts = counts;
    }

    public void log(String message, Severity severity, Map<String, ? extends @Nullable Object> attributes) {
        try {
            Level level = severity == Severity.FATAL ? Level.ERROR : Level.valueOf(severity.name());
            appLogger.atLevel(level).log(severity == Severity.FATAL ? "FATAL " + message : message);
            TraceContext.current().ifPresent(trace -> {
                Map<String, @Nullable Object> properties = new LinkedHashMap<>(attributes);
                properties.put("message", message);
                properties.put("severity", severity.value());
                trace.event("log.record", properties);
            });
            counts.logRecorded();
        }
        catch (RuntimeException ex) {
            appLogger.debug("Could not record a log record: {}", ex.toString());
        }
    }
}
