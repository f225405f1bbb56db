package dev.trajectory.trajectory;

/** Why a trajectory ended; written in upper case, as the names read. */
public enum TerminationReason {

    /** Ran out of time. */
    TIMEOUT,

    /** The agent or its environment finished normally. */
    ENV_DONE,

    /** Stopped by a step limit. */
    MAX_STEPS,

    /** The model's output was cut off (length limit). */
    TRUNCATION,

    /** Abandoned without an ending. */
    STALE,

    /** Ended by an error. */
    ERROR,

    /** Not known. */
    NONE
}
