package dev.trajectory.langsmith;

/** A run whose content cannot become part of a trajectory; the message says which run and why. */
final class MalformedRunException extends RuntimeException {

    MalformedRunException(String message) {
        super(message);
    }
}
