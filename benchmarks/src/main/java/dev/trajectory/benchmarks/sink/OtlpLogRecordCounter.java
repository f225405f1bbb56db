package dev.trajectory.benchmarks.sink;

import java.io.IOException;

/**
 * Counts the log records in an OTLP {@code ExportLogsServiceRequest} protobuf without generated classes:
 * field 1 of the request is a ResourceLogs, field 2 of that a ScopeLogs, and field 2 of that a LogRecord.
 */
final class OtlpLogRecordCounter {

    private static final int RESOURCE_LOGS = 1;

    private static final int SCOPE_LOGS = 2;

    private static final int LOG_RECORDS = 2;

    private static final int VARINT = 0;

    private static final int FIXED64 = 1;

    private static final int LENGTH_DELIMITED = 2;

    private static final int FIXED32 = 5;

    private final byte[] buffer;

    private int position;

    private OtlpLogRecordCounter(byte[] buffer) {
        this.buffer = buffer;
    }

    static long count(byte[] request) throws IOException {
        OtlpLogRecordCounter reader = new OtlpLogRecordCounter(request);
        return reader.countIn(request.length, 0);
    }

    /** Counts log records in the message ending at {@code end}, at nesting level 0 (request), 1 or 2. */
    private long countIn(int end, int level) throws IOException {
        long count = 0;
        while (position < end) {
            long tag = readVarint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (wireType != LENGTH_DELIMITED) {
                skip(wireType);
                continue;
            }
            int length = (int) readVarint();
            int messageEnd = position + length;
            if (messageEnd > end) {
                throw new IOException("truncated protobuf message");
            }
            if (level == 0 && field == RESOURCE_LOGS || level == 1 && field == SCOPE_LOGS) {
                count += countIn(messageEnd, level + 1);
            }
            else {
                if (level == 2 && field == LOG_RECORDS) {
                    count++;
                }
                position = messageEnd;
            }
        }
        return count;
    }

    private void skip(int wireType) throws IOException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> position += 8;
            case FIXED32 -> position += 4;
            default -> throw new IOException("unsupported protobuf wire type " + wireType);
        }
    }

    private long readVarint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= buffer.length) {
                throw new IOException("truncated varint");
            }
            byte next = buffer[position++];
            value |= (long) (next & 0x7f) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw new IOException("malformed varint");
    }
}
