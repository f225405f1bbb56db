package dev.trajectory.event;

/** Says why an event cannot be sent; the message names the field or property path and the problem. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message, null, false, false);
    }
}
