package dev.trajectory.langsmith;

import java.time.Duration;

import dev.trajectory.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestThrottleTests {

    private final MutableClock clock = new MutableClock();

    private final RequestThrottle throttle = new RequestThrottle(3, Duration.ofSeconds(10), clock);

    @Test
    void requestsWithinTheLimitGoAtOnce() {
        assertThat(throttle.reserve()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.reserve()).isZero();
        assertThat(throttle.reserve()).isZero();
    }

    @Test
    void aRequestOverTheLimitWaitsUntilTheOldestLeavesTheWindow() {
        throttle.reserve();
        clock.advance(Duration.ofSeconds(2));
        throttle.reserve();
        throttle.reserve();

        assertThat(throttle.reserve()).isEqualTo(Duration.ofSeconds(8));
        // The next waits for the second request of the window, reserved at t=2 s.
        assertThat(throttle.reserve()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void slotsFreeUpAsTimePasses() {
        throttle.reserve();
        throttle.reserve();
        throttle.reserve();
        clock.advance(Duration.ofSeconds(10));

        assertThat(throttle.reserve()).isZero();
    }
}
