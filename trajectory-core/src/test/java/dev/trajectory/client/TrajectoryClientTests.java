package dev.trajectory.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.langsmith.LangSmithSettings;
import dev.trajectory.redact.PiiRedactionTransform;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryClientTests {

    private final TrajectoryClient client = TrajectoryClient.builder()
            .langSmith(LangSmithSettings.builder().environment(Map.of()).build())
            .transforms(List.of(new PiiRedactionTransform()))
            .build();

    @Test
    void transformAppliesTheConfiguredTransformsAndSavedFilesLoadBack(@TempDir Path directory) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/langsmith/openai-thread.json")) {
            TrajectoryJson.mapper().readTree(in).forEach(runs::add);
        }

        List<Trajectory> trajectories = client.transform(runs, "LangSmith");
        client.save(trajectories, directory);

        assertThat(trajectories).hasSize(1);
        // The fixture has no PII; the redaction ran and left the order id alone.
        assertThat(trajectories.get(0).steps().get(1).messages().get(1).content()).contains("A-1001");
        assertThat(client.load(directory)).isEqualTo(trajectories);
    }

    @Test
    void anUnknownProviderIsRefusedWithTheReason() {
        assertThatThrownBy(() -> client.transform(List.of(), "langfuse")).hasMessageContaining("unknown provider")
                .hasMessageContaining("langsmith");
    }
}
