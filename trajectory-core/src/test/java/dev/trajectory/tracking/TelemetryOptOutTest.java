package dev.trajectory.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryOptOutTest {

    @TempDir
    Path configDir;

    @Test
    void onByDefault() {
        assertThat(TelemetryOptOut.reason(true, Map.<String, String>of()::get, configDir)).isEmpty();
    }

    @Test
    void eachSwitchTurnsItOffAndSaysWhich() {
        assertThat(TelemetryOptOut.reason(false, Map.<String, String>of()::get, configDir))
                .hasValue("trajectory.enabled=false");
        assertThat(TelemetryOptOut.reason(true, Map.of("DO_NOT_TRACK", "1")::get, configDir))
                .hasValue("DO_NOT_TRACK=1");
        assertThat(TelemetryOptOut.reason(true, Map.of("DO_NOT_TRACK", "true")::get, configDir)).isPresent();
        assertThat(TelemetryOptOut.reason(true, Map.of("TRAJECTORY_TELEMETRY", "0")::get, configDir))
                .hasValue("TRAJECTORY_TELEMETRY=0");
    }

    @Test
    void otherValuesLeaveItOn() {
        assertThat(TelemetryOptOut.reason(true, Map.of("DO_NOT_TRACK", "0")::get, configDir)).isEmpty();
        assertThat(TelemetryOptOut.reason(true, Map.of("TRAJECTORY_TELEMETRY", "1")::get, configDir)).isEmpty();
    }

    @Test
    void theConfigFileTurnsItOffOnlyWhenTelemetryIsFalse() throws IOException {
        Path file = configDir.resolve("config.json");
        Files.writeString(file, "{\"telemetry\": true}");
        assertThat(TelemetryOptOut.reason(true, Map.<String, String>of()::get, configDir)).isEmpty();
        Files.writeString(file, "not json");
        assertThat(TelemetryOptOut.reason(true, Map.<String, String>of()::get, configDir)).isEmpty();
        Files.writeString(file, "{\"telemetry\": false}");
        assertThat(TelemetryOptOut.reason(true, Map.<String, String>of()::get, configDir)).get().asString()
                .contains("config.json");
    }
}
