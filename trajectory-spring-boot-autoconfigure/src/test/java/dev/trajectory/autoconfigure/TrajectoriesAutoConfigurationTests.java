package dev.trajectory.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.trajectory.client.TrajectoryClient;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.langsmith.LangSmithSettings;
import dev.trajectory.redact.PiiRedactionTransform;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoriesAutoConfigurationTests {

    private static final String RUNS = """
            [{"id": "r1", "trace_id": "t1", "parent_run_id": null, "run_type": "chain", "name": "bot",
              "start_time": "2026-03-01T10:00:00", "end_time": "2026-03-01T10:00:02",
              "dotted_order": "20260301T100000000000Zr1", "inputs": {}, "outputs": {},
              "extra": {"metadata": {"conversation_id": "conv-1"}}},
             {"id": "r2", "trace_id": "t1", "parent_run_id": "r1", "run_type": "llm", "name": "chat",
              "start_time": "2026-03-01T10:00:00.5", "end_time": "2026-03-01T10:00:01.5",
              "dotted_order": "20260301T100000000000Zr1.20260301T100000500000Zr2",
              "inputs": {"messages": [{"role": "user", "content": "Mail me at jane.doe@example.com please"}]},
              "outputs": {"choices": [{"message": {"role": "assistant", "content": "Sure."}}]},
              "extra": {"metadata": {"conversation_id": "conv-1"}}}]
            """;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrajectoriesAutoConfiguration.class));

    @Test
    void providesATrajectoryClientThatRedactsPersonalDataByDefault() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(TrajectoryClient.class).hasSingleBean(PiiRedactionTransform.class);

            String json = TrajectoryJson.mapper().writeValueAsString(transform(context.getBean(TrajectoryClient.class)));

            assertThat(json).doesNotContain("jane.doe@example.com").contains("Mail me at");
        });
    }

    @Test
    void redactionCanBeSwitchedOff() {
        contextRunner.withPropertyValues("trajectory.redaction.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(PiiRedactionTransform.class);
            String json = TrajectoryJson.mapper().writeValueAsString(transform(context.getBean(TrajectoryClient.class)));
            assertThat(json).contains("jane.doe@example.com");
        });
    }

    @Test
    void bindsTheLangSmithProperties() {
        contextRunner.withPropertyValues("trajectory.langsmith.api-key=ls_key", "trajectory.langsmith.project=support",
                "trajectory.langsmith.endpoint=http://localhost:1984/api/v1", "trajectory.langsmith.workspace-id=ws-1",
                "trajectory.langsmith.requests-per-window=5", "trajectory.langsmith.throttle-window=2s")
                .run(context -> {
                    LangSmithSettings settings = context.getBean(TrajectoryProperties.class).getLangsmith().toSettings();
                    assertThat(settings.apiKey().reveal()).isEqualTo("ls_key");
                    assertThat(settings.project()).isEqualTo("support");
                    assertThat(settings.endpoint()).hasToString("http://localhost:1984/api/v1");
                    assertThat(settings.workspaceId()).isEqualTo("ws-1");
                    assertThat(settings.requestsPerWindow()).isEqualTo(5);
                    assertThat(settings.throttleWindow()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.toString()).doesNotContain("ls_key");
                });
    }

    @Test
    void aMalformedLangSmithEndpointFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("trajectory.langsmith.endpoint=smith:443").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("trajectory.langsmith.endpoint");
        });
    }

    @Test
    void doesNothingWithoutTheCoreLibrary() {
        contextRunner.withClassLoader(new FilteredClassLoader(TrajectoryClient.class))
                .run(context -> assertThat(context).doesNotHaveBean("trajectoryClient"));
    }

    private static List<Trajectory> transform(TrajectoryClient client) {
        List<JsonNode> runs = List.copyOf(TrajectoryJson.mapper().readTree(RUNS).values());
        List<Trajectory> trajectories = client.transform(runs, "langsmith");
        assertThat(trajectories).hasSize(1);
        assertThat(trajectories.get(0).steps()).isNotEmpty();
        return trajectories;
    }
}
