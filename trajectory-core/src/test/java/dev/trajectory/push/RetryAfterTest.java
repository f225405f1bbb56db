package dev.trajectory.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresMissingNegativeOrUnreadableValues() {
        assertThat(RetryAfter.parse(null, clock)).isNull();
        assertThat(RetryAfter.parse("-3", clock)).isNull();
        assertThat(RetryAfter.parse("soon", clock)).isNull();
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterIsCappedByTheMaximum() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            assertThat(policy.waitBefore(1, null).toMillis()).isBetween(50L, 100L);
            assertThat(policy.waitBefore(3, null).toMillis()).isBetween(200L, 400L);
            assertThat(policy.waitBefore(10, null).toMillis()).isBetween(500L, 1000L);
        }
        IngestHttpException slowDown = new IngestHttpException(429, Duration.ofSeconds(120), "HTTP 429");
        assertThat(policy.waitBefore(1, slowDown)).isEqualTo(Duration.ofSeconds(1));
        IngestHttpException shortWait = new IngestHttpException(503, Duration.ofMillis(300), "HTTP 503");
        assertThat(policy.waitBefore(1, shortWait)).isEqualTo(Duration.ofMillis(300));
    }
}
