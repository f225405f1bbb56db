package dev.trajectory.autoconfigure.capture;

import dev.trajectory.autoconfigure.TrajectoryProperties;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.capture.RunCapture;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link RunCapture} the Spring AI and LangChain4j adapters record model and tool calls through, configured by
 * {@code trajectory.capture.*}.
 */
@AutoConfiguration(after = TrajectoryTracingAutoConfiguration.class)
@ConditionalOnClass(RunCapture.class)
@ConditionalOnBooleanProperty(name = "trajectory.capture.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TrajectoryProperties.class)
public final class TrajectoryCaptureAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RunCapture trajectoryRunCapture(TrajectoryProperties properties) {
        return new RunCapture(properties.getCapture().toSettings());
    }
}
