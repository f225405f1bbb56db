package dev.trajectory.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Finds the strings whose UTF-8 bytes are exactly what JSON output holds for them, so the bytes can be copied into
 * the output instead of being written char by char with an escape check on each: text without control characters,
 * quote or backslash (JSON escapes nothing else, and Jackson by default nothing else either) and without lone
 * surrogates; and, where the output writes non-ASCII characters as Unicode escapes, ASCII only. The check reads the
 * bytes eight at a time, since for kilobytes of LLM text it runs over every byte of every event.
 */
final class VerbatimText {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;

    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    private static final long HIGH_BITS = 0x8080808080808080L;

    private VerbatimText() {
    }

    /**
     * The text's UTF-8 bytes when JSON keeps them as they are, otherwise {@code null}.
     *
     * @param nonAsciiAllowed whether the output holds non-ASCII characters as UTF-8 (Jackson's default) rather than
     *                        as Unicode escapes
     */
    static byte @Nullable [] utf8Of(String text, boolean nonAsciiAllowed) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // Equal lengths mean every char took one byte: ASCII, or a lone surrogate the encoder replaced with '?'.
        if (!nonAsciiAllowed && utf8.length != text.length()) {
            return null;
        }
        int questionMarks = 0;
        int i = 0;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            long eight = (long) LONGS.get(utf8, i);
            if ((anyBelowSpace(eight) | zeroBytes(eight ^ ('"' * ONES)) | zeroBytes(eight ^ ('\\' * ONES))) != 0) {
                return null;
            }
            questionMarks += Long.bitCount(zeroBytes(eight ^ ('?' * ONES)));
        }
        for (; i < utf8.length; i++) {
            byte b = utf8[i];
            if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
                return null;
            }
            if (b == '?') {
                questionMarks++;
            }
        }
        // The encoder writes '?' for each lone surrogate, which Jackson writes otherwise (or refuses).
        if (questionMarks != 0 && questionMarks != questionMarksIn(text)) {
            return null;
        }
        return utf8;
    }

    /**
     * Non-zero when some byte of {@code eight} is below 0x20. A byte of 0x80 or more never sets its high bit here,
     * and a borrow only starts at a byte that is below 0x20, so the answer is exact for "any", though not for which.
     */
    private static long anyBelowSpace(long eight) {
        return (eight - 0x20 * ONES) & ~eight & HIGH_BITS;
    }

    /** The high bit of exactly those bytes of {@code eight} that are zero (no carry crosses bytes here). */
    private static long zeroBytes(long eight) {
        return ~(((eight & LOW_BITS) + LOW_BITS) | eight | LOW_BITS);
    }

    private static int questionMarksIn(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?') {
                count++;
            }
        }
        return count;
    }
}
