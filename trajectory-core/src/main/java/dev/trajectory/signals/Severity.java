package dev.trajectory.signals;

import java.util.Locale;

/** Severity of a log record, from TRACE to FATAL; FATAL is written to SLF4J as ERROR. */
public enum Severity {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** The value recorded in the {@code severity} property. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
