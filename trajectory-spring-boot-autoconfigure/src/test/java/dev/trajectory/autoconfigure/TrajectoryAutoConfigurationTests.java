package dev.trajectory.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.local.LocalEventWriter;
import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.EventPushService;
import dev.trajectory.push.HttpChunkSender;
import dev.trajectory.push.PushResult;
import dev.trajectory.spool.DurabilityMode;
import dev.trajectory.spool.SpoolHealth;
import dev.trajectory.spool.SpoolSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryAutoConfigurationTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path localDir;

    @TempDir
    Path configDir;

    @TempDir
    Path spoolDir;

    private ApplicationContextRunner contextRunner;

    @BeforeEach
    void isolateFromTheMachine() {
        contextRunner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrajectoryAutoConfiguration.class))
                .withPropertyValues("trajectory.tracking.config-dir=" + configDir,
                        "trajectory.spool.dir=" + spoolDir, "DO_NOT_TRACK=",
                        "TRAJECTORY_TELEMETRY=");
    }

    @Test
    void withoutAnApiKeyTheClientRunsInLocalModeAndWritesJsonLines() {
        contextRunner.withPropertyValues("trajectory.local.dir=" + localDir).run(context -> {
            assertThat(context).hasSingleBean(TelemetryClient.class);
            assertThat(context.getBean(ChunkSender.class)).isInstanceOf(LocalEventWriter.class);

            TelemetryEvent event = TelemetryEvent.builder("user.accept", "s-1").build();
            PushResult result = context.getBean(TelemetryClient.class).pushEvents(List.of(event));

            assertThat(result.pushed()).isEqualTo(1);
            try (Stream<Path> files = Files.list(localDir)) {
                Path file = files.findFirst().orElseThrow();
                assertThat(file.getFileName().toString()).matches("events-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
                assertThat(Files.readAllLines(file)).singleElement().asString()
                        .contains("\"event_id\":\"" + event.eventId() + "\"");
            }
        });
    }

    @Test
    void withAnApiKeyEventsGoToTheConfiguredBaseUrl() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
        contextRunner.withPropertyValues("trajectory.api-key=tk_secret_1", "trajectory.project-id=proj-9",
                "trajectory.base-url=" + server.baseUrl()).run(context -> {
            assertThat(context.getBean(ChunkSender.class)).isInstanceOf(HttpChunkSender.class);

            PushResult result = context.getBean(TelemetryClient.class)
                    .pushEvents(List.of(TelemetryEvent.builder("user.accept", "s").build()));

            assertThat(result.pushed()).isEqualTo(1);
            server.verify(postRequestedFor(urlEqualTo("/v1/events"))
                    .withHeader("Authorization", equalTo("Bearer tk_secret_1"))
                    .withHeader("X-Trajectory-Project", equalTo("proj-9")));
        });
    }

    @Test
    void theApiKeyBindsFromTheTrajectoryApiKeyEnvironmentVariable() {
        contextRunner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("TRAJECTORY_API_KEY", "tk_from_env"))))
                .run(context -> {
                    assertThat(context.getBean(TrajectoryProperties.class).getApiKey()).isEqualTo("tk_from_env");
                    assertThat(context.getBean(ChunkSender.class)).isInstanceOf(HttpChunkSender.class);
                });
    }

    @Test
    void bindsEveryPushProperty() {
        contextRunner.withPropertyValues("trajectory.push.chunk-size=50", "trajectory.push.max-retries=5",
                "trajectory.push.max-request-size=1MB", "trajectory.push.max-event-size=64KB",
                "trajectory.push.timeout=3s", "trajectory.push.initial-backoff=200ms", "trajectory.push.max-backoff=20s",
                "trajectory.push.compression=none", "trajectory.source=checkout-service", "trajectory.organization-id=org-1", "trajectory.debug=true")
                .run(context -> {
                    TrajectoryProperties properties = context.getBean(TrajectoryProperties.class);
                    var settings = context.getBean(EventPushService.class).settings();
                    assertThat(settings.chunkSize()).isEqualTo(50);
                    assertThat(settings.maxRetries()).isEqualTo(5);
                    assertThat(settings.maxRequestBytes()).isEqualTo(1024 * 1024);
                    assertThat(settings.maxEventBytes()).isEqualTo(64 * 1024);
                    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(200));
                    assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(settings.compression()).isEqualTo(dev.trajectory.push.RequestCompression.NONE);
                    assertThat(properties.getOrganizationId()).isEqualTo("org-1");
                    assertThat(properties.isDebug()).isTrue();
                    assertThat(context.getBean(TelemetryClient.class).event("a.b", "s").build().source())
                            .isEqualTo("checkout-service");
                });
    }

    @Test
    void aNegativeChunkSizeFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("trajectory.push.chunk-size=-5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("must be greater than 0");
            assertThat(messages(context.getStartupFailure())).contains("trajectory.push.chunk-size");
        });
    }

    @Test
    void anUnknownCompressionFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("trajectory.push.compression=brotli").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("trajectory.push.compression", "brotli");
        });
    }

    @Test
    void aMalformedBaseUrlFailsStartUpNamingTheProperty() {
        for (String bad : List.of("localhost:8080", "ftp://example.org", "http://")) {
            contextRunner.withPropertyValues("trajectory.base-url=" + bad).run(context -> {
                assertThat(context).as(bad).hasFailed();
                assertThat(messages(context.getStartupFailure())).as(bad).contains("trajectory.base-url");
            });
        }
    }

    @Test
    void contradictoryLimitsFailStartUpNamingBothProperties() {
        contextRunner.withPropertyValues("trajectory.push.max-request-size=64KB", "trajectory.push.max-event-size=1MB")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("trajectory.push.max-event-size",
                            "trajectory.push.max-request-size");
                });
    }

    @Test
    void theApiKeyDoesNotAppearInAStartUpFailure() {
        contextRunner.withPropertyValues("trajectory.api-key=tk_do_not_print", "trajectory.push.timeout=-1s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).doesNotContain("tk_do_not_print");
                });
    }

    @Test
    void backsOffToTheApplicationsOwnClient() {
        contextRunner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(TelemetryClient.class);
            assertThat(context.getBean(TelemetryClient.class)).isSameAs(context.getBean("myClient"));
        });
    }

    @Test
    void appliesWebClientCustomizersInOrder() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
        contextRunner.withUserConfiguration(HeaderCustomizer.class)
                .withPropertyValues("trajectory.api-key=k", "trajectory.base-url=" + server.baseUrl())
                .run(context -> {
                    context.getBean(TelemetryClient.class).pushEvents(List.of(TelemetryEvent.builder("a.b", "s").build()));
                    server.verify(postRequestedFor(urlEqualTo("/v1/events")).withHeader("X-Proxy-Tag", equalTo("edge")));
                });
    }

    @Test
    void bindsEveryTrackingProperty() {
        contextRunner.withPropertyValues("trajectory.tracking.max-queue-size=500", "trajectory.tracking.flush-at=20",
                "trajectory.tracking.flush-interval=2s", "trajectory.tracking.shutdown-timeout=4s",
                "trajectory.tracking.session-timeout=10m", "trajectory.tracking.max-sessions=50",
                "trajectory.tracking.max-requests-in-flight=4").run(context -> {
            var settings = context.getBean(TrajectoryProperties.class).getTracking().toSettings();
            assertThat(settings).isEqualTo(new dev.trajectory.tracking.TrackingSettings(500, 20, Duration.ofSeconds(2),
                    Duration.ofSeconds(4), Duration.ofMinutes(10), 50, 4));
        });
    }

    @Test
    void aBadTrackingPropertyFailsStartUpNamingIt() {
        contextRunner.withPropertyValues("trajectory.tracking.flush-at=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("trajectory.tracking.flush-at");
        });
        contextRunner.withPropertyValues("trajectory.tracking.max-requests-in-flight=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("trajectory.tracking.max-requests-in-flight");
        });
    }

    @Test
    void trackedEventsAreDeliveredWhenTheContextCloses() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
        contextRunner.withPropertyValues("trajectory.api-key=k", "trajectory.base-url=" + server.baseUrl(),
                "trajectory.tracking.flush-interval=1h").run(context -> {
            TelemetryClient client = context.getBean(TelemetryClient.class);
            client.track("user.click", Map.of("n", 1));
            client.track("user.click", Map.of("n", 2));
            server.verify(0, postRequestedFor(urlEqualTo("/v1/events")));
        });
        server.verify(1, postRequestedFor(urlEqualTo("/v1/events")));
    }

    @Test
    void doNotTrackInTheEnvironmentTurnsEverythingOffWithoutAConnection() {
        server.stubFor(post(urlEqualTo("/v1/events")).willReturn(aResponse().withStatus(200)));
        contextRunner.withPropertyValues("DO_NOT_TRACK=1", "trajectory.api-key=k",
                "trajectory.base-url=" + server.baseUrl()).run(context -> {
            TelemetryClient client = context.getBean(TelemetryClient.class);
            assertThat(client.isEnabled()).isFalse();
            assertThat(client.offReason()).isEqualTo("DO_NOT_TRACK=1");
            client.track("user.click", Map.of());
            client.pushEvents(List.of(TelemetryEvent.builder("a.b", "s").build()));
        });
        server.verify(0, postRequestedFor(urlEqualTo("/v1/events")));
    }

    @Test
    void publishesSelfMetricsToTheApplicationsMeterRegistry() {
        contextRunner.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
                .withPropertyValues("trajectory.local.dir=" + localDir).run(context -> {
                    TelemetryClient client = context.getBean(TelemetryClient.class);
                    client.track("user.click", Map.of());
                    client.flush();
                    var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
                    assertThat(registry.get("trajectory.events.enqueued").counter().count()).isEqualTo(1);
                    assertThat(registry.get("trajectory.events.sent").counter().count()).isEqualTo(1);
                });
    }

    @Test
    void closingManyContextsLeavesNoWorkerThreadBehind() {
        long before = trackingThreads();
        for (int i = 0; i < 5; i++) {
            contextRunner.withPropertyValues("trajectory.local.dir=" + localDir).run(context -> {
                context.getBean(TelemetryClient.class).track("user.click", Map.of());
                assertThat(trackingThreads()).isEqualTo(before + 1);
            });
        }
        assertThat(trackingThreads()).isEqualTo(before);
    }

    @Test
    void bindsEverySpoolPropertyWithTheFolderInsideTheLocalOneByDefault() {
        contextRunner.withPropertyValues("trajectory.api-key=k", "trajectory.base-url=" + server.baseUrl(),
                "trajectory.local.dir=" + localDir, "trajectory.spool.dir=",
                "trajectory.spool.max-size=64MB", "trajectory.spool.durability=write-ahead",
                "trajectory.spool.fsync-interval=250ms", "trajectory.spool.fsync-size=512KB",
                "trajectory.spool.replay-interval=3s", "trajectory.spool.replay-local=false").run(context -> {
                    TrajectoryProperties properties = context.getBean(TrajectoryProperties.class);
                    SpoolSettings settings = properties.getSpool().toSettings(properties.getLocal().getDir());
                    assertThat(settings).isEqualTo(new SpoolSettings(localDir.resolve("spool"), 64L << 20, 8L << 20,
                            DurabilityMode.WRITE_AHEAD, Duration.ofMillis(250), 512L << 10, Duration.ofSeconds(3),
                            false));
                    SpoolHealth health = context.getBean(TelemetryClient.class).spoolHealth();
                    assertThat(health.status()).isEqualTo(SpoolHealth.Status.UP);
                    assertThat(health.directory()).isEqualTo(localDir.resolve("spool").toAbsolutePath());
                });
    }

    @Test
    void theSpoolCanBeSwitchedOffAndLocalModeHasNoneBecauseItsFilesAreTheSpool() {
        contextRunner.withPropertyValues("trajectory.api-key=k", "trajectory.base-url=" + server.baseUrl(),
                "trajectory.spool.enabled=false").run(context -> assertThat(
                        context.getBean(TelemetryClient.class).spoolHealth().status()).isEqualTo(SpoolHealth.Status.OFF));
        contextRunner.withPropertyValues("trajectory.local.dir=" + localDir).run(context -> {
            assertThat(context.getBean(TelemetryClient.class).spoolHealth().status()).isEqualTo(SpoolHealth.Status.OFF);
            assertThat(localDir.resolve("spool")).doesNotExist();
        });
    }

    @Test
    void aBadSpoolPropertyFailsStartUpNamingIt() {
        contextRunner.withPropertyValues("trajectory.spool.max-size=0B").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("trajectory.spool.max-size");
        });
    }

    @Test
    void closingAContextStopsTheSpoolThreadsAndReleasesItsFolder() {
        long before = spoolThreads();
        for (int i = 0; i < 3; i++) {
            contextRunner.withPropertyValues("trajectory.api-key=k", "trajectory.base-url=" + server.baseUrl())
                    .run(context -> {
                assertThat(context.getBean(TelemetryClient.class).spoolHealth().status())
                        .as("the folder is free again").isEqualTo(SpoolHealth.Status.UP);
                assertThat(spoolThreads()).isEqualTo(before + 2);
            });
        }
        assertThat(spoolThreads()).isEqualTo(before);
    }

    private static long spoolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("trajectory-spool-") && thread.isAlive()).count();
    }

    private static long trackingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("trajectory-tracking") && thread.isAlive()).count();
    }

    @Test
    void whenDisabledNothingIsSentAndNoSenderIsCreated() {
        contextRunner.withPropertyValues("trajectory.enabled=false", "trajectory.api-key=k",
                "trajectory.base-url=" + server.baseUrl()).run(context -> {
            assertThat(context).doesNotHaveBean(ChunkSender.class);
            PushResult result = context.getBean(TelemetryClient.class)
                    .pushEvents(List.of(TelemetryEvent.builder("a.b", "s").build()));
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.errors().get(0).reason()).isEqualTo("telemetry is off (trajectory.enabled=false)");
            server.verify(0, postRequestedFor(urlEqualTo("/v1/events")));
        });
    }

    @Test
    void doesNothingWhenTheCoreLibraryIsAbsent() {
        contextRunner.withClassLoader(new FilteredClassLoader(TelemetryClient.class))
                .run(context -> assertThat(context).doesNotHaveBean(TrajectoryProperties.class));
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {

        @Bean
        TelemetryClient myClient() {
            return TelemetryClient.disabled("test", "sdk");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HeaderCustomizer {

        @Bean
        TrajectoryWebClientCustomizer proxyTag() {
            return builder -> builder.defaultHeader("X-Proxy-Tag", "edge");
        }
    }
}
