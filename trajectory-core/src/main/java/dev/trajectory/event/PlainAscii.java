package dev.trajectory.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Finds the strings JSON keeps exactly as they are, so their bytes can be copied into the output instead of being
 * written char by char with an escape check on each: ASCII without control characters, quote or backslash (JSON
 * escapes nothing else, and Jackson by default nothing else either). The check reads the string's bytes eight at
 * a time, since for kilobytes of LLM text it runs over every byte of every event.
 */
final class PlainAscii {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;

    private static final long HIGH_BITS = 0x8080808080808080L;

    private PlainAscii() {
    }

    /** The text's bytes when it is plain ASCII as above, otherwise {@code null}. */
    static byte @Nullable [] bytesOf(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // Equal lengths mean every char took one byte: ASCII, or a lone surrogate the encoder replaced with '?'.
        if (utf8.length != text.length()) {
            return null;
        }
        int i = 0;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            long eight = (long) LONGS.get(utf8, i);
            if ((belowSpace(eight) | equalTo(eight, '"') | equalTo(eight, '\\')) != 0) {
                return null;
            }
            if (equalTo(eight, '?') != 0 && !questionMarksAreReal(utf8, text, i, i + Long.BYTES)) {
                return null;
            }
        }
        for (; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b < 0x20 || b == '"' || b == '\\' || (b == '?' && text.charAt(i) != '?')) {
                return null;
            }
        }
        return utf8;
    }

    /** The high bit of each byte of {@code eight} below 0x20 (exact because every byte here is below 0x80). */
    private static long belowSpace(long eight) {
        return (eight - 0x20 * ONES) & ~eight & HIGH_BITS;
    }

    /** The high bit of each byte of {@code eight} equal to {@code value}: the bytes that are zero after the XOR. */
    private static long equalTo(long eight, int value) {
        long xored = eight ^ (value * ONES);
        return (xored - ONES) & ~xored & HIGH_BITS;
    }

    private static boolean questionMarksAreReal(byte[] utf8, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (utf8[i] == '?' && text.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }
}
