package dev.trajectory.autoconfigure.console;

import java.nio.file.Path;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.autoconfigure.web.RequestEvents;
import dev.trajectory.autoconfigure.web.TrajectoryWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryConsoleAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(TrajectoryAutoConfiguration.class,
            TrajectoryTracingAutoConfiguration.class, TrajectoryWebAutoConfiguration.class,
            TrajectoryConsoleAutoConfiguration.class);

    @TempDir
    static Path localDir;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withPropertyValues("trajectory.local.dir=" + localDir, "trajectory.tracking.config-dir=" + localDir);

    @Test
    void inLocalModeTheConsoleIsServedByDefault() {
        runner.run(context -> assertThat(context).hasSingleBean(ConsoleRuns.class)
                .hasBean("trajectoryConsoleRoutes"));
    }

    @Test
    void withAnApiKeyTheConsoleIsOffByDefault() {
        runner.withPropertyValues("trajectory.api-key=tk_test")
                .run(context -> assertThat(context).doesNotHaveBean(ConsoleRuns.class)
                        .doesNotHaveBean("trajectoryConsoleRoutes"));
    }

    @Test
    void withAnApiKeyTheConsoleCanBeSwitchedOn() {
        runner.withPropertyValues("trajectory.api-key=tk_test", "trajectory.console.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(ConsoleRuns.class));
    }

    @Test
    void inLocalModeTheConsoleCanBeSwitchedOff() {
        runner.withPropertyValues("trajectory.console.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ConsoleRuns.class));
    }

    @Test
    void nonServletApplicationsGetNoConsole() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context).doesNotHaveBean(ConsoleRuns.class));
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context).doesNotHaveBean(ConsoleRuns.class));
    }

    @Test
    void withoutSpringMvcFunctionalEndpointsThereIsNoConsole() {
        runner.withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .run(context -> assertThat(context).doesNotHaveBean(ConsoleRuns.class));
    }

    @Test
    void anApplicationsOwnConsoleRunsBeanIsKept() {
        ConsoleRuns own = new ConsoleRuns(localDir, localDir.resolve("elsewhere"), ConsoleFixtures.MAPPER);
        runner.withBean(ConsoleRuns.class, () -> own)
                .run(context -> assertThat(context.getBean(ConsoleRuns.class)).isSameAs(own));
    }

    @Test
    void requestsToTheConsoleRecordNoRequestEvents() {
        runner.run(context -> {
            RequestEvents events = context.getBean(RequestEvents.class);
            assertThat(events.shouldRecord("/trajectory")).isFalse();
            assertThat(events.shouldRecord("/trajectory/api/runs")).isFalse();
            assertThat(events.shouldRecord("/chat")).isTrue();
            assertThat(events.shouldRecord("/actuator/health")).as("the default exclusion stays").isFalse();
        });
    }

    @Test
    void aConfiguredPathIsServedAndExcludedFromRequestEvents() {
        runner.withPropertyValues("trajectory.console.path=/ops/agent-console").run(context -> {
            RequestEvents events = context.getBean(RequestEvents.class);
            assertThat(events.shouldRecord("/ops/agent-console/api/runs")).isFalse();
            assertThat(events.shouldRecord("/trajectory/api/runs")).isTrue();
        });
    }

    @Test
    void whenTheConsoleIsOffItsPathIsRecordedLikeAnyOther() {
        runner.withPropertyValues("trajectory.console.enabled=false").run(context -> assertThat(
                context.getBean(RequestEvents.class).shouldRecord("/trajectory/api/runs")).isTrue());
    }

    @Test
    void aPathWithoutALeadingSlashFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("trajectory.console.path=trajectory/").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("trajectory.console.path")
                    .hasMessageContaining("trajectory/");
        });
    }
}
