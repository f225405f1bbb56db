package dev.trajectory.signals;

import java.util.Locale;

/** What a span stands for, as in OpenTelemetry. */
public enum SpanKind {
    INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    /** The value recorded in the {@code kind} attribute. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
