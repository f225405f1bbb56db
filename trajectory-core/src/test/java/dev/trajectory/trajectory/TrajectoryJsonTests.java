package dev.trajectory.trajectory;

import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryJsonTests {

    private final JsonMapper mapper = TrajectoryJson.mapper();

    @Test
    void everyFieldSurvivesAJsonRoundTrip() {
        Trajectory trajectory = Trajectories.full("conv-1");

        Trajectory read = mapper.readValue(mapper.writeValueAsString(trajectory), Trajectory.class);

        assertThat(read).isEqualTo(trajectory);
    }

    @Test
    void jsonUsesTheDocumentedSnakeCaseNamesAndEnumValues() {
        JsonNode json = mapper.valueToTree(Trajectories.full("conv-1"));

        assertThat(json.propertyNames()).containsExactly("task", "steps", "reward", "metrics", "execution_metrics",
                "reference_trajectory", "telemetry", "idx");
        assertThat(json.get("task").propertyNames()).containsExactly("id", "data_source", "conversation_id",
                "num_turns", "num_steps", "total_tokens", "total_cost");
        JsonNode assistant = json.at("/steps/0/messages/2");
        assertThat(assistant.get("role").asString()).isEqualTo("assistant");
        assertThat(assistant.get("trainable_status").asString()).isEqualTo("trainable");
        assertThat(assistant.has("tool_calls")).isTrue();
        assertThat(assistant.has("tool_definitions")).isTrue();
        assertThat(assistant.has("finish_reason")).isTrue();
        assertThat(json.at("/steps/1/trainable_status").asString()).isEqualTo("superseded");
        assertThat(json.at("/execution_metrics/termination_reason").asString()).isEqualTo("ENV_DONE");
        assertThat(json.at("/metrics").propertyNames()).contains("tokens_generated", "num_tool_response_none",
                "tool_error_rate");
        assertThat(json.at("/reward").propertyNames()).contains("aggregated_value", "aggregation_method");
    }

    @Test
    void absentOptionalFieldsReadAsEmptyCollectionsAndDefaults() {
        Message message = mapper.readValue("{\"role\":\"user\",\"content\":\"hi\"}", Message.class);

        assertThat(message.toolCalls()).isEmpty();
        assertThat(message.metadata()).isEmpty();
        assertThat(message.trainableStatus()).isEqualTo(TrainableStatus.NOT_TRAINABLE);
        assertThat(mapper.writeValueAsString(message))
                .isEqualTo("{\"role\":\"user\",\"content\":\"hi\",\"trainable_status\":\"not_trainable\"}");
    }
}
