package dev.trajectory.testing;

import java.nio.file.Path;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.client.TelemetryClientBuilder;

/** Client builders for tests, isolated from the machine they run on. */
public final class TestClients {

    private TestClients() {
    }

    /**
     * A builder whose client id and opt-out file live in {@code configDir}, that reads no environment variable (so a
     * {@code DO_NOT_TRACK} on the machine cannot switch it off) and registers no JVM shutdown hook.
     */
    public static TelemetryClientBuilder isolated(Path configDir) {
        return TelemetryClient.builder().configDirectory(configDir).environment(name -> null)
                .registerShutdownHook(false);
    }
}
