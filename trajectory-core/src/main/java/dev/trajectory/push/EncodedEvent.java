package dev.trajectory.push;

/**
 * A valid event in its JSON form, with its place in the caller's list.
 *
 * @param index   position in the list given to the push
 * @param eventId the event's id
 * @param json    the event as UTF-8 JSON
 */
public record EncodedEvent(int index, String eventId, byte[] json) {
}
