package dev.trajectory.trace;

import java.util.Locale;

/** How an agent run ended. */
public enum RunOutcome {

    /** Returned, or its asynchronous result completed. */
    SUCCESS,

    /** Threw, or its asynchronous result failed. */
    ERROR,

    /** Its asynchronous result was cancelled before completing. */
    CANCELLED;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The value recorded in the {@code outcome} property. */
    public String value() {
        return value;
    }
}
