package dev.trajectory.langsmith;

import java.util.List;

import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import dev.trajectory.trajectory.TrainableStatus;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConversationTransformerTests {

    private final ConversationTransformer transformer = new ConversationTransformer(TrajectoryJson.mapper());

    @Test
    void langChainThreadAcrossTwoTracesBecomesOneTrajectoryWithCumulativeSteps() {
        List<Trajectory> trajectories = transformer.transformAll(Fixtures.runs("langchain-thread.json"));

        assertThat(trajectories).hasSize(1);
        Trajectory trajectory = trajectories.get(0);
        assertThat(trajectory.error()).isNull();
        assertThat(trajectory.task().conversationId()).isEqualTo("thread-lc-1");
        assertThat(trajectory.task().numTurns()).isEqualTo(2);
        assertThat(trajectory.task().numSteps()).isEqualTo(3);
        assertThat(trajectory.task().totalTokens()).isEqualTo(160 + 225 + 272);
        assertThat(trajectory.task().totalCost()).isCloseTo(0.0029, within(1e-9));
        assertThat(trajectory.steps()).extracting(step -> step.messages().size()).containsExactly(3, 6, 8);
        List<Message> last = trajectory.steps().get(2).messages();
        assertThat(last).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.TOOL, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(last.get(6).content()).isEqualTo("And tomorrow?");
        assertThat(last.get(7).reasoning()).isEqualTo("No tool needed; forecast was in the weather payload.");
    }

    @Test
    void parallelToolCallsAreAnsweredByTheirToolRunsAndTheFailingToolIsMarked() {
        Trajectory trajectory = transformer.transformAll(Fixtures.runs("langchain-thread.json")).get(0);
        List<Message> messages = trajectory.steps().get(1).messages();

        Message decision = messages.get(2);
        assertThat(decision.toolCalls()).extracting(ToolCall::id).containsExactly("call_w", "call_t");
        assertThat(decision.reasoning()).isEqualTo("Two independent lookups; call both tools at once.");
        assertThat(decision.usage()).containsEntry("output_tokens", 40L).containsEntry("reasoning_tokens", 12L);
        assertThat(decision.finishReason()).isEqualTo("tool_calls");
        assertThat(decision.toolDefinitions()).extracting(d -> d.name()).containsExactly("get_weather", "get_time");
        assertThat(decision.trainableStatus()).isEqualTo(TrainableStatus.TRAINABLE);
        assertThat(messages.get(0).trainableStatus()).isEqualTo(TrainableStatus.NOT_TRAINABLE);

        ToolResponse weather = messages.get(3).toolResponse();
        assertThat(weather.id()).isEqualTo("call_w");
        assertThat(weather.response()).isEqualTo("18C and sunny");
        assertThat(weather.error()).isNull();
        ToolResponse time = messages.get(4).toolResponse();
        assertThat(time.id()).isEqualTo("call_t");
        assertThat(time.name()).isEqualTo("get_time");
        assertThat(time.arguments()).containsEntry("city", "Paris");
        assertThat(time.error()).isEqualTo("TimeoutError('clock service unavailable')");

        assertThat(trajectory.metrics().numToolCalls()).isEqualTo(2);
        assertThat(trajectory.metrics().numToolFailures()).isEqualTo(1);
        assertThat(trajectory.metrics().toolErrorRate()).isEqualTo(0.5);
        assertThat(trajectory.metrics().tokensGenerated()).isEqualTo(40 + 25 + 12);
    }

    @Test
    void timingsComeFromRunsAndTheIdleTimeBetweenTurnsIsNotCounted() {
        Trajectory trajectory = transformer.transformAll(Fixtures.runs("langchain-thread.json")).get(0);

        assertThat(trajectory.executionMetrics().llmTime()).isCloseTo(2.0 + 1.5 + 1.8, within(1e-9));
        assertThat(trajectory.executionMetrics().envTime()).isCloseTo(1.0 + 2.0, within(1e-9));
        assertThat(trajectory.executionMetrics().totalTime()).isCloseTo(6.0 + 2.0, within(1e-9));
        assertThat(trajectory.executionMetrics().terminationReason()).isEqualTo(TerminationReason.ENV_DONE);
    }

    @Test
    void openAiMessagesWithJsonStringArgumentsAndContentBlocksAreRead() {
        List<Trajectory> trajectories = transformer.transformAll(Fixtures.runs("openai-thread.json"));

        assertThat(trajectories).hasSize(1);
        Trajectory trajectory = trajectories.get(0);
        assertThat(trajectory.task().conversationId()).isEqualTo("conv-oa-1");
        Step first = trajectory.steps().get(0);
        Message decision = first.messages().get(2);
        assertThat(decision.toolCalls()).containsExactly(
                new ToolCall("lookup_order", java.util.Map.of("order_id", "A-1001"), "call_a"),
                new ToolCall("refund_policy", java.util.Map.of(), "call_b"));
        assertThat(decision.reasoning()).isEqualTo("Need the order status and the policy.");
        assertThat(decision.usage()).containsEntry("input_tokens", 90L).containsEntry("reasoning_tokens", 8L);
        assertThat(decision.toolDefinitions()).extracting(d -> d.name()).containsExactly("lookup_order",
                "refund_policy");

        List<Message> all = trajectory.steps().get(1).messages();
        assertThat(all).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.TOOL, Role.ASSISTANT);
        // The tool run names no call id; it is matched to the open call of the same name.
        assertThat(all.get(3).toolResponse().id()).isEqualTo("call_a");
        assertThat(all.get(3).toolResponse().error()).isEqualTo("OrderServiceError: upstream returned 503");
        assertThat(all.get(4).toolResponse().response()).isEqualTo("Refunds within 30 days of delivery.");
        assertThat(all.get(5).content()).isEqualTo(
                "I cannot see order A-1001 right now. Refunds are possible within 30 days.");
        assertThat(all.get(5).reasoning()).isEqualTo("Order lookup failed; answer the policy part.");
    }

    @Test
    void anthropicStyleThinkingToolUseAndToolResultBlocksAreRead() {
        List<Trajectory> trajectories = transformer.transformAll(Fixtures.runs("content-blocks-trace.json"));

        Trajectory trajectory = trajectories.get(0);
        // Without a thread the trace is the conversation.
        assertThat(trajectory.task().conversationId()).isEqualTo("44444444-0000-0000-0000-000000000001");
        List<Message> all = trajectory.steps().get(1).messages();
        assertThat(all).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.ASSISTANT);
        assertThat(all.get(2).reasoning()).isEqualTo("Search the docs first.");
        assertThat(all.get(2).toolCalls()).containsExactly(
                new ToolCall("search", java.util.Map.of("q", "release notes"), "toolu_1"));
        assertThat(all.get(3).toolResponse().name()).isEqualTo("search");
        assertThat(all.get(3).content()).isEqualTo("Release notes: v2.3.1");
        assertThat(trajectory.executionMetrics().terminationReason()).isEqualTo(TerminationReason.TRUNCATION);
    }

    @Test
    void malformedRunsAreSkippedWithAClearMessageAndNeverThrow() {
        List<Trajectory> trajectories = transformer.transformAll(Fixtures.runs("malformed-runs.json"));

        assertThat(trajectories).hasSize(2);
        Trajectory partly = trajectories.get(0);
        assertThat(partly.error()).isNull();
        assertThat(partly.steps()).hasSize(1);
        assertThat(partly.steps().get(0).messages().get(1).content()).isEqualTo("hello");
        @SuppressWarnings("unchecked")
        List<String> skipped = (List<String>) partly.telemetry().data().get("skipped");
        assertThat(skipped).hasSize(3);
        assertThat(skipped.get(0)).contains("no_outputs", "has no outputs", "RateLimitError");
        assertThat(skipped.get(1)).contains("not_json", "inputs is a string that is not JSON");
        assertThat(skipped.get(2)).contains("unknown_role", "unknown message role 'narrator'");

        Trajectory failed = trajectories.get(1);
        assertThat(failed.error()).startsWith("no LLM run could be read").contains("has no outputs");
        assertThat(failed.executionMetrics().terminationReason()).isEqualTo(TerminationReason.ERROR);
    }

    @Test
    void theSameConversationGetsTheSameIdOnEveryImport() {
        List<JsonNode> runs = Fixtures.runs("openai-thread.json");

        String first = transformer.transformAll(runs).get(0).task().id();
        String again = transformer.transformAll(Fixtures.reversed(runs)).get(0).task().id();

        assertThat(first).isEqualTo(again).isEqualTo(ConversationTransformer.stableId("conv-oa-1"));
        assertThat(first).isNotEqualTo(ConversationTransformer.stableId("conv-oa-2"));
    }

    @Test
    void runsWithoutDottedOrderAreOrderedByStartTimeAndParentChain() {
        List<JsonNode> runs = Fixtures.runs("openai-thread.json").stream()
                .map(run -> (JsonNode) ((tools.jackson.databind.node.ObjectNode) run.deepCopy()).remove(
                        List.of("dotted_order")))
                .toList();

        Trajectory trajectory = transformer.transformAll(Fixtures.reversed(runs)).get(0);

        assertThat(trajectory.steps()).hasSize(2);
        assertThat(trajectory.steps().get(1).messages().get(3).toolResponse().id()).isEqualTo("call_a");
    }
}
