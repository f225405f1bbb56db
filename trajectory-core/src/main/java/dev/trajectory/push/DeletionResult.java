package dev.trajectory.push;

/**
 * The outcome of a request to delete a client's data.
 *
 * @param success whether the backend (or local mode) accepted the request
 * @param message what happened, for the log or the user
 */
public record DeletionResult(boolean success, String message) {
}
