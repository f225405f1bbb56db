package dev.trajectory.tracking;

/** Why an event accepted by {@code track()} (or offered to it) was not delivered; the metric tag values. */
public enum DropReason {

    /** The queue was full when the event was tracked. */
    QUEUE_FULL("queue_full"),

    /** The event broke a validation rule. */
    INVALID("invalid"),

    /** The backend refused it. */
    REJECTED("rejected"),

    /** Delivery failed after every retry. */
    RETRIES_EXHAUSTED("retries_exhausted"),

    /** It was still waiting when the shutdown deadline passed. */
    SHUTDOWN("shutdown"),

    /** It was in the disk spool's oldest segment when a full spool evicted it to make room. */
    SPOOL_FULL("spool_full");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    /** The lowercase value of the {@code reason} tag. */
    public String tag() {
        return tag;
    }
}
