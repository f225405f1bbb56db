package dev.trajectory.redact;

import java.util.List;
import java.util.Map;

import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.Task;
import dev.trajectory.trajectory.Telemetry;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.TrainableStatus;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PiiRedactionTransformTests {

    private final PiiRedactionTransform transform = new PiiRedactionTransform();

    @Test
    void redactsContentReasoningToolArgumentsAndResponsesKeepingTheirShape() {
        Message user = Message.of(Role.USER, "I am jane@example.com, order A-1001 from 2025-03-01");
        Message assistant = Message.builder(Role.ASSISTANT)
                .reasoning("User jane@example.com wants order status")
                .toolCalls(List.of(new ToolCall("lookup", Map.of("email", "jane@example.com", "filters",
                        List.of("ip 10.1.2.3", 42), "version", "v2.3.1"), "call_1")))
                .build();
        Message tool = Message.builder(Role.TOOL)
                .content("{\"phone\": \"+1 415 555 0132\"}")
                .toolResponse(new ToolResponse("call_1", "lookup", Map.of("email", "jane@example.com"),
                        Map.of("customer", Map.of("phone", "+1 415 555 0132", "orders", List.of("A-1001"))),
                        "card 4111111111111111 declined", Map.of()))
                .build();
        Trajectory trajectory = trajectory(user, assistant, tool);

        Trajectory redacted = transform.apply(trajectory);

        List<Message> messages = redacted.steps().get(0).messages();
        assertThat(messages.get(0).content()).isEqualTo("I am [EMAIL], order A-1001 from 2025-03-01");
        assertThat(messages.get(1).reasoning()).isEqualTo("User [EMAIL] wants order status");
        assertThat(messages.get(1).toolCalls().get(0).arguments()).isEqualTo(Map.of("email", "[EMAIL]", "filters",
                List.of("ip [IPV4_ADDRESS]", 42), "version", "v2.3.1"));
        assertThat(messages.get(2).content()).isEqualTo("{\"phone\": \"[PHONE]\"}");
        ToolResponse response = messages.get(2).toolResponse();
        assertThat(response.response()).isEqualTo(Map.of("customer", Map.of("phone", "[PHONE]", "orders",
                List.of("A-1001"))));
        assertThat(response.arguments()).containsEntry("email", "[EMAIL]");
        assertThat(response.error()).isEqualTo("card [CREDIT_CARD] declined");
        JsonNode json = TrajectoryJson.mapper().valueToTree(redacted);
        assertThat(json.at("/steps/0/messages/2/tool_response/response/customer/orders/0").asString())
                .isEqualTo("A-1001");
        assertThat(json.toString()).doesNotContain("jane@example.com", "555", "4111");
    }

    @Test
    void countsRedactionsOncePerMessageAlthoughStepsRepeatTheConversation() {
        Message user = Message.of(Role.USER, "reach me at jane@example.com");
        Message answer = Message.of(Role.ASSISTANT, "ok");
        Trajectory trajectory = new Trajectory(new Task("t", "test", "c", 1, 2, null, null),
                List.of(new Step(List.of(user), null, Map.of(), TrainableStatus.TRAINABLE),
                        new Step(List.of(user, answer), null, Map.of(), TrainableStatus.TRAINABLE)),
                null, null, null, null, new Telemetry("langsmith", Map.of("run_count", 3)), null, null);

        Trajectory redacted = transform.apply(trajectory);

        assertThat(redacted.telemetry().data()).containsEntry("redactions", Map.of("EMAIL", 1))
                .containsEntry("run_count", 3);
        assertThat(redacted.steps().get(1).messages().get(0).content()).isEqualTo("reach me at [EMAIL]");
    }

    @Test
    void aTrajectoryWithoutPiiIsReturnedUnchanged() {
        Trajectory trajectory = trajectory(Message.of(Role.USER, "Ship order A-1001 by 2025-03-01 with v2.3.1"));

        assertThat(transform.apply(trajectory)).isEqualTo(trajectory);
    }

    private static Trajectory trajectory(Message... messages) {
        return new Trajectory(new Task("t", "test", "c", 1, 1, null, null),
                List.of(new Step(List.of(messages), null, Map.of(), TrainableStatus.TRAINABLE)), null, null, null, null,
                null, null, null);
    }
}
