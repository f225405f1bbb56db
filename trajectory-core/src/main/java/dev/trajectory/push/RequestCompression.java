package dev.trajectory.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Compresses request bodies with gzip, as the ingest API expects ({@code Content-Encoding: gzip}). */
public final class RequestCompression {

    private static final int BUFFER_BYTES = 8192;

    private RequestCompression() {
    }

    /** The body gzip-compressed. */
    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, BUFFER_BYTES)) {
            gzip.write(body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
