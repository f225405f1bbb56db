package dev.trajectory.autoconfigure.web;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.autoconfigure.web.reactive.RequestEventWebFilter;
import dev.trajectory.autoconfigure.web.servlet.RequestEventFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryWebAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(TrajectoryAutoConfiguration.class,
            TrajectoryTracingAutoConfiguration.class, TrajectoryWebAutoConfiguration.class);

    private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS);

    @Test
    void aServletApplicationGetsTheFilterJustAfterHighestPrecedence() {
        servletRunner.run(context -> {
            assertThat(context).hasSingleBean(RequestEventFilter.class).doesNotHaveBean(RequestEventWebFilter.class);
            assertThat(context.getBean(RequestEventFilter.class).getOrder()).isEqualTo(Integer.MIN_VALUE + 1);
        });
    }

    @Test
    void aReactiveApplicationGetsTheWebFilter() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run(context -> assertThat(context)
                .hasSingleBean(RequestEventWebFilter.class).doesNotHaveBean(RequestEventFilter.class));
    }

    @Test
    void aNonWebApplicationGetsNoFilter() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context).doesNotHaveBean(RequestEvents.class));
    }

    @Test
    void switchedOffNoFilterIsRegistered() {
        servletRunner.withPropertyValues("trajectory.web.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RequestEventFilter.class));
    }

    @Test
    void excludedPathsAndTheSessionHeaderBind() {
        servletRunner.withPropertyValues("trajectory.web.excluded-paths=/health/**,/internal/*",
                "trajectory.web.session-header=X-Conversation").run(context -> {
            RequestEvents events = context.getBean(RequestEvents.class);
            assertThat(events.shouldRecord("/health/live")).isFalse();
            assertThat(events.shouldRecord("/internal/x")).isFalse();
            assertThat(events.shouldRecord("/actuator/health")).isTrue();
            assertThat(events.sessionHeader()).isEqualTo("X-Conversation");
        });
    }

    @Test
    void aSamplingRatioOfZeroRecordsNoRequest() {
        servletRunner.withPropertyValues("trajectory.web.sampling-ratio=0")
                .run(context -> assertThat(context.getBean(RequestEvents.class).shouldRecord("/orders/1")).isFalse());
    }

    @Test
    void aSamplingRatioAboveOneFailsStartUpNamingTheProperty() {
        servletRunner.withPropertyValues("trajectory.web.sampling-ratio=1.5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("trajectory.web.sampling-ratio");
        });
    }
}
