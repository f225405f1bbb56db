package dev.trajectory.autoconfigure.actuate;

import java.time.Clock;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.client.TelemetryClient;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With the actuator present: the {@code trajectory} endpoint and the {@code trajectory} health indicator. */
@AutoConfiguration(after = TrajectoryAutoConfiguration.class)
@ConditionalOnClass({ TelemetryClient.class, ConditionalOnAvailableEndpoint.class })
public final class TrajectoryActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    TrajectoryEndpoint trajectoryEndpoint(TelemetryClient client) {
        return new TrajectoryEndpoint(client);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("trajectory")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "trajectoryHealthIndicator")
        TrajectoryHealthIndicator trajectoryHealthIndicator(TelemetryClient client) {
            return new TrajectoryHealthIndicator(client, Clock.systemUTC());
        }
    }
}
