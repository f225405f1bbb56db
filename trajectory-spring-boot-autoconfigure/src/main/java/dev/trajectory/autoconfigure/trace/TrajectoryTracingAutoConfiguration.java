package dev.trajectory.autoconfigure.trace;

import java.time.Clock;
import java.util.function.Supplier;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.TrajectoryProperties;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.redact.TrajectoryTransform;
import dev.trajectory.trace.AgentRuns;
import dev.trajectory.trace.TraceFactory;
import io.micrometer.tracing.Tracer;
import org.aspectj.weaver.Advice;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import reactor.core.publisher.Hooks;

/**
 * Agent runs: the {@link TraceFactory} traces start from (with the current W3C trace id when Micrometer Tracing is
 * present), the {@code @TraceAgentRun} aspect when AspectJ is on the classpath, and context propagation to
 * Spring-managed executors and Reactor operators.
 */
@AutoConfiguration(after = TrajectoryAutoConfiguration.class,
        afterName = { "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
@ConditionalOnClass(TelemetryClient.class)
@ConditionalOnBooleanProperty(name = "trajectory.tracing.enabled", matchIfMissing = true)
public final class TrajectoryTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceFactory trajectoryTraceFactory(TrajectoryProperties properties,
            ObjectProvider<DistributedTraceIds> distributedTraceIds) {
        Supplier<@Nullable String> traceIds = distributedTraceIds.getIfUnique(() -> () -> null);
        return new TraceFactory(properties.getSource(), properties.getTracing().getMaxEventsPerRun(), traceIds,
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    AgentRuns trajectoryAgentRuns(TraceFactory traces, TelemetryClient client, TrajectoryProperties properties,
            ObjectProvider<TrajectoryTransform> transforms) {
        ClientRunCompletion completion = new ClientRunCompletion(client,
                TrajectoryTransform.chain(transforms.orderedStream().toList()),
                properties.getCapture().isEnabled() && properties.getCapture().isUpload());
        return new AgentRuns(traces, completion, properties.getTracing().getMaxStackTraceLength());
    }

    @Bean
    @ConditionalOnMissingBean(ContextPropagatingTaskDecorator.class)
    @ConditionalOnBooleanProperty(name = "trajectory.tracing.propagate-to-executors", matchIfMissing = true)
    ContextPropagatingTaskDecorator trajectoryContextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    /** Supplies the current W3C trace id to new traces; provided for Micrometer Tracing, replaceable. */
    @FunctionalInterface
    public interface DistributedTraceIds extends Supplier<@Nullable String> {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Advice.class)
    static class AspectConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TraceAgentRunAspect trajectoryTraceAgentRunAspect(AgentRuns runs) {
            return new TraceAgentRunAspect(runs);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class MicrometerTracingConfiguration {

        @Bean
        @ConditionalOnBean(Tracer.class)
        @ConditionalOnMissingBean
        DistributedTraceIds trajectoryDistributedTraceIds(Tracer tracer) {
            return new MicrometerTracingTraceIds(tracer)::get;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Hooks.class)
    @ConditionalOnBooleanProperty(name = "trajectory.tracing.reactor-context-propagation", matchIfMissing = true)
    static class ReactorConfiguration {

        ReactorConfiguration() {
            Hooks.enableAutomaticContextPropagation();
        }
    }
}
