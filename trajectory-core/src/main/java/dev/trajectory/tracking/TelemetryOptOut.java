package dev.trajectory.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.trajectory.json.TrajectoryJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether the user has turned telemetry off: {@code trajectory.enabled=false}, the environment variable
 * {@code DO_NOT_TRACK=1}, {@code TRAJECTORY_TELEMETRY=0}, or {@code {"telemetry": false}} in
 * {@code config.json} in the configuration folder.
 */
public final class TelemetryOptOut {

    private static final Logger logger = LoggerFactory.getLogger(TelemetryOptOut.class);

    static final String CONFIG_FILE = "config.json";

    private static final Set<String> YES = Set.of("1", "true", "yes", "on");

    private static final Set<String> NO = Set.of("0", "false", "no", "off");

    private TelemetryOptOut() {
    }

    /**
     * Why telemetry is off, or empty when it is on.
     *
     * @param enabled         the {@code trajectory.enabled} setting
     * @param environment     reads an environment variable by name
     * @param configDirectory the folder that may hold {@code config.json}
     */
    public static Optional<String> reason(boolean enabled, Function<String, @Nullable String> environment,
            Path configDirectory) {
        if (!enabled) {
            return Optional.of("trajectory.enabled=false");
        }
        if (matches(environment.apply("DO_NOT_TRACK"), YES)) {
            return Optional.of("DO_NOT_TRACK=" + environment.apply("DO_NOT_TRACK"));
        }
        if (matches(environment.apply("TRAJECTORY_TELEMETRY"), NO)) {
            return Optional.of("TRAJECTORY_TELEMETRY=" + environment.apply("TRAJECTORY_TELEMETRY"));
        }
        Path config = configDirectory.resolve(CONFIG_FILE);
        if (Files.isRegularFile(config) && telemetryTurnedOff(config)) {
            return Optional.of(config + " sets \"telemetry\": false");
        }
        return Optional.empty();
    }

    private static boolean matches(@Nullable String value, Set<String> values) {
        return value != null && values.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean telemetryTurnedOff(Path config) {
        try {
            JsonNode telemetry = TrajectoryJson.mapper().readTree(Files.readString(config)).get("telemetry");
            return telemetry != null && telemetry.isBoolean() && !telemetry.booleanValue();
        }
        catch (IOException | RuntimeException ex) {
            logger.warn("Ignoring unreadable Trajectory configuration file {}: {}", config, ex.toString());
            return false;
        }
    }
}
