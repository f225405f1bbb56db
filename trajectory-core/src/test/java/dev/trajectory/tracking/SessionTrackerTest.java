package dev.trajectory.tracking;

import java.time.Duration;
import java.time.Instant;

import dev.trajectory.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private final SessionTracker sessions = new SessionTracker(Duration.ofMinutes(30), 3);

    @Test
    void activityKeepsTheSameSessionAndInactivityRotatesIt() {
        String first = sessions.sessionFor("u-1", clock.millis());
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.sessionFor("u-1", clock.millis())).as("29 minutes after the last event")
                .isEqualTo(first);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.sessionFor("u-1", clock.millis())).as("activity extends the session").isEqualTo(first);
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.sessionFor("u-1", clock.millis())).as("after 30 idle minutes").isNotEqualTo(first);
    }

    @Test
    void eachUserHasTheirOwnSession() {
        assertThat(sessions.sessionFor("u-1", clock.millis()))
                .isNotEqualTo(sessions.sessionFor("u-2", clock.millis()));
    }

    @Test
    void remembersAtMostTheConfiguredNumberOfUsersForgettingTheLeastRecentlyActive() {
        String first = sessions.sessionFor("u-1", clock.millis());
        sessions.sessionFor("u-2", clock.millis());
        sessions.sessionFor("u-3", clock.millis());
        sessions.sessionFor("u-1", clock.millis());
        sessions.sessionFor("u-4", clock.millis());

        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.sessionFor("u-1", clock.millis())).as("recently active, kept").isEqualTo(first);
        for (int i = 0; i < 10_000; i++) {
            sessions.sessionFor("user-" + i, clock.millis());
        }
        assertThat(sessions.size()).isEqualTo(3);
    }
}
