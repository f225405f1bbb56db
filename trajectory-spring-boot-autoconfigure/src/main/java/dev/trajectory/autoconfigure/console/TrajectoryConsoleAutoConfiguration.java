package dev.trajectory.autoconfigure.console;

import java.nio.file.Path;

import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.TrajectoryProperties;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.json.TrajectoryJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The local console at {@code trajectory.console.path} in a servlet web application: on by default in local mode
 * only ({@link ConsoleEnabledCondition}). Its requests record no {@code http.request} events (see
 * {@code TrajectoryWebAutoConfiguration}).
 */
@AutoConfiguration(after = TrajectoryAutoConfiguration.class)
@ConditionalOnClass({ TelemetryClient.class, RouterFunction.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(ConsoleEnabledCondition.class)
@EnableConfigurationProperties(TrajectoryProperties.class)
public final class TrajectoryConsoleAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(TrajectoryConsoleAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ConsoleRuns trajectoryConsoleRuns(TrajectoryProperties properties) {
        Path local = properties.getLocal().getDir();
        return new ConsoleRuns(local, TelemetryClient.builder().localDirectory(local).tracesDirectory(),
                TrajectoryJson.mapper());
    }

    @Bean
    @ConditionalOnMissingBean(name = "trajectoryConsoleRoutes")
    RouterFunction<ServerResponse> trajectoryConsoleRoutes(TrajectoryProperties properties, ConsoleRuns runs) {
        String path = properties.getConsole().getPath();
        logger.info("Trajectory console at {}/ shows the agent runs in {} (trajectory.console.enabled=false turns it off)",
                path, properties.getLocal().getDir().toAbsolutePath().normalize());
        return new ConsoleRoutes(path, runs, TrajectoryJson.mapper()).routes();
    }
}
