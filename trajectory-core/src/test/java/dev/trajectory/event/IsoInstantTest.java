package dev.trajectory.event;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {

    @Test
    void edgesOfTheFastRangeAndOfTheCalendarMatchInstantToString() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000001Z",
                "1999-12-31T23:59:59.999Z", "2000-02-29T12:00:00.5Z", "2024-02-29T23:59:59.123456Z",
                "2100-02-28T00:00:00Z", "2100-03-01T00:00:00.010Z", "2026-11-22T02:00:00.000100Z",
                "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z",
                "-0001-06-15T08:30:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstant.format(instant)).as(text).isEqualTo(instant.toString());
        }
    }

    @Test
    void instantsAcrossTheYearsWithEveryKindOfFractionMatchInstantToString() {
        SplittableRandom random = new SplittableRandom(7);
        long firstSecondAfter9999 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(firstSecondAfter9999);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }
}
