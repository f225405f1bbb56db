package dev.trajectory.tracking;

/** The tracking queue as status and health see it. */
public interface QueueFigures {

    /** Events waiting to be sent. */
    int size();

    /** Most events the queue holds. */
    int capacity();

    /** Events dropped so far, for any reason. */
    long dropped();

    /** Events the backend holds, delivered by the pipeline. */
    default long sent() {
        return 0;
    }

    /** Whether the backend has refused the API key. */
    default boolean credentialsRejected() {
        return false;
    }
}
