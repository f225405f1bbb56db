package dev.trajectory.spool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * Reads a file line by line from a byte offset, never holding more than one line of at most {@code maxLineBytes}
 * in memory. A line longer than that, or a last line without its newline (a torn write), comes back as damaged.
 */
final class LineReader implements Closeable {

    /**
     * One line.
     *
     * @param bytes    the line without its newline; empty when damaged
     * @param complete whether the line ended with a newline and fitted in the limit
     */
    record Line(byte[] bytes, boolean complete) {
    }

    private final InputStream in;

    private final int maxLineBytes;

    private long offset;

    LineReader(Path file, long offset, int maxLineBytes) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        this.offset = offset;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or {@code null} at the end of the file. */
    @Nullable Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        int read;
        long start = offset;
        while ((read = in.read()) >= 0) {
            offset++;
            if (read == '\n') {
                return tooLong ? new Line(new byte[0], false) : new Line(line.toByteArray(), true);
            }
            if (!tooLong && line.size() >= maxLineBytes) {
                tooLong = true;
                line.reset();
            }
            if (!tooLong) {
                line.write(read);
            }
        }
        return offset == start ? null : new Line(new byte[0], false);
    }

    /** The offset just after the last line returned. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
