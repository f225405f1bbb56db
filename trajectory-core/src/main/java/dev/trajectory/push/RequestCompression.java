package dev.trajectory.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses request bodies with gzip, as the ingest API expects ({@code Content-Encoding: gzip}), at the fastest
 * level: telemetry JSON repeats its field names in every event, so level 1 already removes most of the size, and
 * the default level 6 made compression the largest cost of sending large events.
 */
public final class RequestCompression {

    private static final int BUFFER_BYTES = 8192;

    private RequestCompression() {
    }

    /** The body gzip-compressed. */
    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new FastGzipOutputStream(out)) {
            gzip.write(body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** A gzip stream whose deflater runs at {@link Deflater#BEST_SPEED}. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {

        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
