package dev.trajectory.autoconfigure.capture.springai;

import dev.trajectory.autoconfigure.capture.TrajectoryCaptureAutoConfiguration;
import dev.trajectory.capture.RunCapture;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Captures Spring AI chat-model and tool calls: an {@link ObservationHandler} that Spring Boot registers on the
 * application's {@link ObservationRegistry} (the one Spring AI's models and tool-calling manager observe through),
 * and a decorator on every {@link ToolExecutionExceptionProcessor} bean so handled tool failures count as failures.
 */
@AutoConfiguration(after = TrajectoryCaptureAutoConfiguration.class)
@ConditionalOnClass({ ChatModelObservationContext.class, ObservationHandler.class, RunCapture.class })
@ConditionalOnBean(RunCapture.class)
public final class SpringAiCaptureAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SpringAiCaptureHandler trajectorySpringAiCaptureHandler(RunCapture capture) {
        return new SpringAiCaptureHandler(capture);
    }

    @Bean
    static BeanPostProcessor trajectoryToolFailureRecording(ObjectProvider<ObservationRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ToolExecutionExceptionProcessor processor
                        && !(bean instanceof ToolFailureRecordingProcessor)) {
                    return new ToolFailureRecordingProcessor(processor,
                            () -> registry.getIfUnique(() -> ObservationRegistry.NOOP));
                }
                return bean;
            }
        };
    }
}
