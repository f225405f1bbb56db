package dev.trajectory.autoconfigure;

import dev.trajectory.client.TrajectoryClient;
import dev.trajectory.redact.PiiRedactionTransform;
import dev.trajectory.redact.TrajectoryTransform;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Provides the {@link TrajectoryClient} (LangSmith import, transform, save, load, upload) and the PII redaction
 * transform it applies, with every {@link TrajectoryTransform} bean in order.
 */
@AutoConfiguration(after = TrajectoryAutoConfiguration.class)
@ConditionalOnClass({ TrajectoryClient.class, WebClient.class })
@EnableConfigurationProperties(TrajectoryProperties.class)
public final class TrajectoriesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "trajectory.redaction.enabled", matchIfMissing = true)
    PiiRedactionTransform trajectoryPiiRedactionTransform() {
        return new PiiRedactionTransform();
    }

    @Bean
    @ConditionalOnMissingBean
    TrajectoryClient trajectoryClient(TrajectoryProperties properties, ObjectProvider<TrajectoryTransform> transforms,
            ObjectProvider<TrajectoryWebClientCustomizer> customizers) {
        return TrajectoryClient.builder()
                .langSmith(properties.getLangsmith().toSettings())
                .baseUrl(properties.getBaseUrl())
                .apiKey(properties.getApiKey())
                .projectId(properties.getProjectId())
                .pushSettings(properties.getPush().toSettings())
                .uploadChunkSize(properties.getTrajectories().getUploadChunkSize())
                .localDirectory(properties.getLocal().getDir())
                .transforms(transforms.orderedStream().toList())
                .webClientBuilder(TrajectoryAutoConfiguration.customizedWebClient(customizers))
                .build();
    }
}
