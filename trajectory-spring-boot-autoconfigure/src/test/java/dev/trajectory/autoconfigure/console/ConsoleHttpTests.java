package dev.trajectory.autoconfigure.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.trajectory.client.TelemetryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The console over real HTTP, served by a running application in local mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "trajectory.tracking.flush-interval=50ms" })
class ConsoleHttpTests {

    @TempDir
    static Path localDir;

    @DynamicPropertySource
    static void localFolder(DynamicPropertyRegistry registry) {
        registry.add("trajectory.local.dir", localDir::toString);
        registry.add("trajectory.tracking.config-dir", () -> localDir.resolve("config").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TelemetryClient telemetry;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageIsServedWithAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
        HttpResponse<String> page = get("/trajectory/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleRoutes.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("assets/console.js").doesNotContain("http://", "https://");
        assertThat(get("/trajectory/assets/console.js").statusCode()).isEqualTo(200);
        assertThat(get("/trajectory/assets/console.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theBarePathRedirectsToThePageSoRelativeLinksResolve() throws Exception {
        HttpResponse<String> response = get("/trajectory");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("trajectory/");
    }

    @Test
    void runsAndARunAreServedAsJson() throws Exception {
        ConsoleFixtures.storeRun(localDir, "http-trace", "http-session", "http-user", "<b>hi</b>");

        JsonNode runs = json(get("/trajectory/api/runs?q=http-session"));
        JsonNode run = json(get("/trajectory/api/runs/http-trace"));

        assertThat(runs.get("runs")).hasSize(1);
        assertThat(runs.get("runs").get(0).get("toolErrors").asInt()).isEqualTo(1);
        assertThat(run.get("summary").get("traceId").asString()).isEqualTo("http-trace");
        assertThat(run.get("timeline").get(1).get("content").asString()).isEqualTo("<b>hi</b>");
        assertThat(run.get("trajectory").get("task").get("id").asString()).isEqualTo("http-trace");
        assertThat(run.get("events").get(0).get("event_type").asString()).isEqualTo("agent.run.start");
        assertThat(get("/trajectory/api/runs/no-such-run").statusCode()).isEqualTo(404);
    }

    @Test
    void theConsoleIsReadOnly() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/trajectory/api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/trajectory/api/runs/http-trace"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(delete.statusCode()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void lookingAtTheConsoleRecordsNoRequestEventsWhileTheApplicationsRequestsAreRecorded() throws Exception {
        get("/trajectory/");
        get("/trajectory/api/runs");
        get("/ping");
        telemetry.flush();

        List<String> routes = awaitRequestRoutes();

        assertThat(routes).contains("/ping").noneMatch(route -> route.contains("trajectory"));
    }

    private List<String> awaitRequestRoutes() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            List<String> routes;
            try (var files = Files.list(localDir)) {
                routes = files.filter(file -> file.getFileName().toString().startsWith("events-"))
                        .flatMap(file -> {
                            try {
                                return Files.readAllLines(file).stream();
                            }
                            catch (java.io.IOException ex) {
                                throw new IllegalStateException(ex);
                            }
                        })
                        .map(ConsoleFixtures.MAPPER::readTree)
                        .filter(event -> event.get("event_type").asString().equals("http.request"))
                        .map(event -> event.get("properties").get("route").asString())
                        .toList();
            }
            if (routes.contains("/ping") || Instant.now().isAfter(deadline)) {
                return routes;
            }
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return ConsoleFixtures.MAPPER.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class Application {

        @GetMapping("/ping")
        String ping() {
            return "pong";
        }
    }
}
