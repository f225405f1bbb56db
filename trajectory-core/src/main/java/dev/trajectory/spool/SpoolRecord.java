package dev.trajectory.spool;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * One event in a segment file, stored as one line: {@code <crc32c> <event_id> <json>\n}, where the checksum is 8
 * lowercase hex digits of the CRC-32C of {@code <event_id> <json>}. Compact JSON never holds a raw newline, so a
 * damaged record costs only its own line: the next newline starts the next record.
 *
 * @param eventId the event's id, kept so replay sends it unchanged
 * @param json    the event as UTF-8 JSON
 */
public record SpoolRecord(String eventId, byte[] json) {

    private static final int CHECKSUM_CHARS = 8;

    /** The record as a line, newline included. */
    public static byte[] encode(String eventId, byte[] json) {
        byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || indexOf(id, (byte) ' ') >= 0 || indexOf(id, (byte) '\n') >= 0
                || indexOf(json, (byte) '\n') >= 0) {
            throw new IllegalArgumentException("event " + eventId + " cannot be stored as one spool record");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream(id.length + 1 + json.length);
        payload.writeBytes(id);
        payload.write(' ');
        payload.writeBytes(json);
        byte[] body = payload.toByteArray();
        ByteArrayOutputStream line = new ByteArrayOutputStream(CHECKSUM_CHARS + 2 + body.length);
        line.writeBytes(checksum(body, 0, body.length).getBytes(StandardCharsets.US_ASCII));
        line.write(' ');
        line.writeBytes(body);
        line.write('\n');
        return line.toByteArray();
    }

    /** The record in a line (without its newline), or {@code null} when the line is damaged. */
    public static @Nullable SpoolRecord decode(byte[] line) {
        if (line.length < CHECKSUM_CHARS + 4 || line[CHECKSUM_CHARS] != ' ') {
            return null;
        }
        int bodyStart = CHECKSUM_CHARS + 1;
        String expected = new String(line, 0, CHECKSUM_CHARS, StandardCharsets.US_ASCII);
        if (!expected.equals(checksum(line, bodyStart, line.length - bodyStart))) {
            return null;
        }
        int space = indexOf(line, (byte) ' ', bodyStart);
        if (space <= bodyStart || space == line.length - 1) {
            return null;
        }
        String eventId = new String(line, bodyStart, space - bodyStart, StandardCharsets.UTF_8);
        return new SpoolRecord(eventId, Arrays.copyOfRange(line, space + 1, line.length));
    }

    private static String checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        return indexOf(bytes, wanted, 0);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpoolRecord record && record.eventId.equals(eventId)
                && Arrays.equals(record.json, json);
    }

    @Override
    public int hashCode() {
        return 31 * eventId.hashCode() + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "SpoolRecord[" + eventId + ", " + json.length + " bytes]";
    }
}
