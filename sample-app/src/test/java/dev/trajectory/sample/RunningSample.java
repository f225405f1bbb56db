package dev.trajectory.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.trajectory.json.TrajectoryJson;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The sample application running on a random port with its local folder in a given directory, over real HTTP. */
final class RunningSample implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ConfigurableApplicationContext context;

    private final Path localDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private RunningSample(ConfigurableApplicationContext context, Path localDir) {
        this.context = context;
        this.localDir = localDir;
    }

    static RunningSample start(Path localDir) {
        ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--trajectory.local.dir=" + localDir, "--trajectory.tracking.config-dir=" + localDir.resolve("config"),
                "--trajectory.tracking.flush-interval=200ms", "--sample.model-latency=20ms");
        return new RunningSample(context, localDir);
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    /** Sends a chat message and returns the answer's JSON, failing unless it is a 200. */
    JsonNode chat(String sessionId, String userId, String message) {
        HttpResponse<String> response = post("/chat", json("session_id", sessionId, "user_id", userId,
                "message", message));
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /chat answered " + response.statusCode() + ": " + response.body());
        }
        return TrajectoryJson.mapper().readTree(response.body());
    }

    /** The run stored for a trace id, once the asynchronous upload has written it. */
    JsonNode awaitStoredRun(String traceId) {
        Path file = localDir.resolve("traces").resolve(traceId + ".json");
        await(() -> Files.isRegularFile(file), "the run " + traceId + " to be stored in " + file);
        return TrajectoryJson.mapper().readTree(file.toFile());
    }

    /** The first event written to the JSON-lines files that matches, once the tracking pipeline has written it. */
    JsonNode awaitEvent(Predicate<JsonNode> matching, String description) {
        JsonNode[] found = new JsonNode[1];
        await(() -> {
            found[0] = events().stream().filter(matching).findFirst().orElse(null);
            return found[0] != null;
        }, description);
        return found[0];
    }

    List<JsonNode> events() {
        try (Stream<Path> files = Files.list(localDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("events-")).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).map(line -> TrajectoryJson.mapper().readTree(line)).toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    /** A JSON object of the given keys and values, in order. */
    static String json(Object... keysAndValues) {
        Map<Object, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return TrajectoryJson.mapper().writeValueAsString(object);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void await(BooleanSupplier condition, String description) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + description);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
