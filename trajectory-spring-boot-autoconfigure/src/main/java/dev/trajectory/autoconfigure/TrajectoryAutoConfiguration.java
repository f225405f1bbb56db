package dev.trajectory.autoconfigure;

import dev.trajectory.client.ClientSignals;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.client.TelemetryClientBuilder;
import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.EventPushService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Provides the {@link TelemetryClient}: sending to the ingest API when {@code trajectory.api-key} is set, writing
 * to {@code trajectory.local.dir} otherwise.
 */
@AutoConfiguration
@ConditionalOnClass({ TelemetryClient.class, WebClient.class })
@EnableConfigurationProperties(TrajectoryProperties.class)
public final class TrajectoryAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(TrajectoryAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "trajectory.enabled", matchIfMissing = true)
    ChunkSender trajectoryChunkSender(TrajectoryProperties properties,
            ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        return clientBuilder(properties, customizers).buildChunkSender();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "trajectory.enabled", matchIfMissing = true)
    EventPushService trajectoryEventPushService(TrajectoryProperties properties, ChunkSender sender) {
        return clientBuilder(properties, null).buildPushService(sender);
    }

    @Bean
    @ConditionalOnMissingBean
    TelemetryClient telemetryClient(TrajectoryProperties properties, ObjectProvider<EventPushService> pushService,
            ObjectProvider<ClientSignals> signals) {
        TelemetryClient client;
        if (!properties.isEnabled()) {
            logger.info("Trajectory telemetry is off because trajectory.enabled=false; nothing will be sent");
            client = TelemetryClient.disabled("telemetry is off (trajectory.enabled=false)", properties.getSource());
        }
        else {
            client = new TelemetryClient(pushService.getObject(), properties.getSource());
        }
        signals.ifAvailable(client::setSignals);
        return client;
    }

    /** A client builder holding the configured properties and WebClient customizers. */
    public static TelemetryClientBuilder clientBuilder(TrajectoryProperties properties,
            @Nullable ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        TelemetryClientBuilder builder = TelemetryClient.builder()
                .apiKey(properties.getApiKey())
                .baseUrl(properties.getBaseUrl())
                .projectId(properties.getProjectId())
                .source(properties.getSource())
                .debug(properties.isDebug())
                .pushSettings(properties.getPush().toSettings())
                .localDirectory(properties.getLocal().getDir());
        if (customizers != null) {
            WebClient.Builder webClient = WebClient.builder();
            customizers.orderedStream().forEach(customizer -> customizer.customize(webClient));
            builder.webClientBuilder(webClient);
        }
        return builder;
    }
}
