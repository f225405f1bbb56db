package dev.trajectory.push;

import org.jspecify.annotations.Nullable;

/**
 * What became of one trace upload: the trajectory and its events land together or not at all.
 *
 * @param uploaded      whether the backend stored the trajectory and its events (or already held them)
 * @param events        events sent with the trajectory
 * @param skippedEvents events left out as invalid before sending
 * @param error         why the upload did not happen, when it did not
 */
public record TraceUploadResult(boolean uploaded, int events, int skippedEvents, @Nullable String error) {

    public static TraceUploadResult failed(int events, int skippedEvents, String error) {
        return new TraceUploadResult(false, events, skippedEvents, error);
    }
}
