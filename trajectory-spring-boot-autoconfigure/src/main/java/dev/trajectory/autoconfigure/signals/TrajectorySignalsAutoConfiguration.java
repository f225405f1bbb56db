package dev.trajectory.autoconfigure.signals;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.TrajectoryProperties;
import dev.trajectory.autoconfigure.TrajectoryWebClientCustomizer;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.client.ClientSignals;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.trace.TraceFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The collaborators behind the client's metric, log, span, trace-upload and status methods: the application's
 * {@link MeterRegistry} and {@link ObservationRegistry} when it has them, and the uploader when a key is set.
 */
@AutoConfiguration(after = TrajectoryTracingAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(TelemetryClient.class)
public final class TrajectorySignalsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClientSignals trajectoryClientSignals(TrajectoryProperties properties, ObjectProvider<TraceFactory> traces,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        TelemetryClientBuilder client = TrajectoryAutoConfiguration.clientBuilder(properties, customizers);
        boolean sending = properties.isEnabled() && !properties.isLocalMode();
        return ClientSignals.builder()
                .traces(traces.getIfAvailable(() -> TraceFactory.defaults(properties.getSource())))
                .uploader(properties.isEnabled() ? client.buildTraceUploader() : null)
                .meterRegistry(meterRegistry.getIfUnique(() -> Metrics.globalRegistry))
                .observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
                .serviceName(properties.getSource())
                .endpoint(sending ? properties.getBaseUrl() : null)
                .build();
    }
}
