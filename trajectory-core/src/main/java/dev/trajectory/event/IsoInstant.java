package dev.trajectory.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Formats an {@link Instant} exactly as {@link Instant#toString()} does (ISO-8601 in UTC, with 0, 3, 6 or 9
 * fraction digits), without {@code DateTimeFormatter}: the background worker stamps every event it serialises,
 * and the formatter's general machinery was a fifth of a small event's serialisation. Instants outside the years
 * 1970 to 9999 fall back to {@code toString()}, whose form differs there (signs, more year digits).
 */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400;

    /** 10000-01-01T00:00:00Z. */
    private static final long FIRST_SECOND_AFTER_YEAR_9999 = 253_402_300_800L;

    private static final int MAX_CHARS = "9999-12-31T23:59:59.999999999Z".length();

    private IsoInstant() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= FIRST_SECOND_AFTER_YEAR_9999) {
            return instant.toString();
        }
        byte[] out = new byte[MAX_CHARS];
        int length = writeDate(out, Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        out[length++] = 'T';
        length = writeDigits(out, length, secondOfDay / 3600, 2);
        out[length++] = ':';
        length = writeDigits(out, length, secondOfDay / 60 % 60, 2);
        out[length++] = ':';
        length = writeDigits(out, length, secondOfDay % 60, 2);
        length = writeFraction(out, length, instant.getNano());
        out[length++] = 'Z';
        return new String(out, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** yyyy-MM-dd of a day since 1970-01-01 (the proleptic Gregorian calendar, civil-from-days). */
    private static int writeDate(byte[] out, long epochDay) {
        long shifted = epochDay + 719_468;
        long era = shifted / 146_097;
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int length = writeDigits(out, 0, year, 4);
        out[length++] = '-';
        length = writeDigits(out, length, month, 2);
        out[length++] = '-';
        return writeDigits(out, length, day, 2);
    }

    /** Nothing for a whole second, else the nanoseconds in as few groups of three digits as keep them exact. */
    private static int writeFraction(byte[] out, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        out[at++] = '.';
        if (nanos % 1_000_000 == 0) {
            return writeDigits(out, at, nanos / 1_000_000, 3);
        }
        if (nanos % 1_000 == 0) {
            return writeDigits(out, at, nanos / 1_000, 6);
        }
        return writeDigits(out, at, nanos, 9);
    }

    private static int writeDigits(byte[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }
}
