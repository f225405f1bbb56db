package dev.trajectory.tracking;

import java.util.Locale;

/** What sort of event an application tracks; recorded as {@code metadata.kind}. */
public enum EventKind {

    /** The application or a session starting, stopping or changing state. */
    LIFECYCLE,

    /** Something a user or an agent did. */
    USAGE,

    /** Something went wrong. */
    ERROR;

    /** The lowercase name written to events. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
