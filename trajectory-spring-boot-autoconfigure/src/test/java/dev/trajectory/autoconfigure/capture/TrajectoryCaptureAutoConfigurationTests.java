package dev.trajectory.autoconfigure.capture;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.capture.CaptureSettings;
import dev.trajectory.capture.RunCapture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryCaptureAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrajectoryAutoConfiguration.class,
                    TrajectoryCaptureAutoConfiguration.class))
            .withPropertyValues("trajectory.spool.enabled=false");

    @Test
    void captureKeepsContentWithDefaultLimitsUnlessConfigured() {
        contextRunner.run(context -> assertThat(context.getBean(RunCapture.class).settings())
                .isEqualTo(CaptureSettings.defaults()));
    }

    @Test
    void captureSettingsBindFromTrajectoryCaptureProperties() {
        contextRunner.withPropertyValues("trajectory.capture.content=false", "trajectory.capture.max-steps=7",
                "trajectory.capture.max-messages-per-step=9", "trajectory.capture.max-content-length=11")
                .run(context -> assertThat(context.getBean(RunCapture.class).settings())
                        .isEqualTo(new CaptureSettings(false, 7, 9, 11)));
    }

    @Test
    void aNonPositiveLimitFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("trajectory.capture.max-steps=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("trajectory.capture.max-steps").hasMessageContaining("'0'"));
    }

    @Test
    void switchedOffThereIsNoCapture() {
        contextRunner.withPropertyValues("trajectory.capture.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RunCapture.class));
    }

    @Test
    void anApplicationsOwnCaptureIsUsedInstead() {
        contextRunner.withUserConfiguration(OwnCapture.class)
                .run(context -> assertThat(context.getBean(RunCapture.class))
                        .isSameAs(context.getBean(OwnCapture.class).capture));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCapture {

        final RunCapture capture = new RunCapture(CaptureSettings.defaults().withContent(false));

        @Bean
        RunCapture ownCapture() {
            return capture;
        }
    }
}
