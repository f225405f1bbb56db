package dev.trajectory.autoconfigure;

import dev.trajectory.client.ClientSignals;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.EventPushService;
import dev.trajectory.tracking.EventEnricher;
import dev.trajectory.tracking.TrackingMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Provides the {@link TelemetryClient}: sending to the ingest API when {@code trajectory.api-key} is set, writing
 * to {@code trajectory.local.dir} otherwise, and sending nothing when the user opted out. Undeliverable events go to
 * the disk spool ({@code trajectory.spool.*}) unless it is switched off.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ TelemetryClient.class, WebClient.class })
@EnableConfigurationProperties(TrajectoryProperties.class)
public final class TrajectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "trajectory.enabled", matchIfMissing = true)
    TrackingMetrics trajectoryTrackingMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
        return new TrackingMetrics(meterRegistry.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "trajectory.enabled", matchIfMissing = true)
    ChunkSender trajectoryChunkSender(TrajectoryProperties properties, TrackingMetrics metrics,
            ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        return clientBuilder(properties, customizers).trackingMetrics(metrics).buildChunkSender();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "trajectory.enabled", matchIfMissing = true)
    EventPushService trajectoryEventPushService(TrajectoryProperties properties, ChunkSender sender) {
        return clientBuilder(properties, null).buildPushService(sender);
    }

    @Bean
    @ConditionalOnMissingBean
    TelemetryClient telemetryClient(TrajectoryProperties properties, Environment environment,
            ObjectProvider<EventPushService> pushService, ObjectProvider<TrackingMetrics> metrics,
            ObjectProvider<EventEnricher> enrichers, ObjectProvider<ClientSignals> signals,
            ObjectProvider<TrajectoryWebClientCustomizer> customizers, ObjectProvider<MeterRegistry> meterRegistry) {
        TelemetryClientBuilder builder = clientBuilder(properties, customizers)
                .enabled(properties.isEnabled())
                .meterRegistry(meterRegistry.getIfUnique())
                .environment(environment::getProperty)
                .registerShutdownHook(false)
                .pushService(pushService.getIfAvailable());
        metrics.ifAvailable(builder::trackingMetrics);
        enrichers.orderedStream().forEach(builder::enricher);
        TelemetryClient client = builder.build();
        signals.ifAvailable(client::setSignals);
        return client;
    }

    @Bean
    @ConditionalOnMissingBean
    TrajectoryTrackingLifecycle trajectoryTrackingLifecycle(TelemetryClient client, TrajectoryProperties properties) {
        return new TrajectoryTrackingLifecycle(client, properties.getTracking().getShutdownTimeout());
    }

    /** A new WebClient builder with every customizer bean applied in order. */
    static WebClient.Builder customizedWebClient(ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        WebClient.Builder webClient = WebClient.builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(webClient));
        return webClient;
    }

    /** A client builder holding the configured properties and, when given, the WebClient customizers. */
    public static TelemetryClientBuilder clientBuilder(TrajectoryProperties properties,
            @Nullable ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        TelemetryClientBuilder builder = TelemetryClient.builder()
                .apiKey(properties.getApiKey())
                .baseUrl(properties.getBaseUrl())
                .projectId(properties.getProjectId())
                .source(properties.getSource())
                .debug(properties.isDebug())
                .pushSettings(properties.getPush().toSettings())
                .trackingSettings(properties.getTracking().toSettings())
                .localDirectory(properties.getLocal().getDir())
                .spool(properties.getSpool().toSettings(properties.getLocal().getDir()));
        if (properties.getTracking().getConfigDir() != null) {
            builder.configDirectory(properties.getTracking().getConfigDir());
        }
        if (customizers != null) {
            builder.webClientBuilder(customizedWebClient(customizers));
        }
        return builder;
    }
}
