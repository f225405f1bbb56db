package dev.trajectory.trajectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trajectory that sets every field of the model, for round-trip tests. */
public final class Trajectories {

    private Trajectories() {
    }

    public static Trajectory full(String conversationId) {
        ToolDefinition weather = new ToolDefinition("get_weather", "Current weather for a city",
                Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
                        List.of("city")));
        ToolCall call = new ToolCall("get_weather", Map.of("city", "Paris"), "call_1");
        Map<String, Object> nullable = new LinkedHashMap<>();
        nullable.put("model", "gpt-4o");
        nullable.put("seed", null);
        Message system = Message.of(Role.SYSTEM, "You are helpful.");
        Message user = Message.of(Role.USER, "Weather in Paris?");
        Message assistant = Message.builder(Role.ASSISTANT)
                .toolCalls(List.of(call))
                .toolDefinitions(List.of(weather))
                .usage(Map.of("input_tokens", 20L, "output_tokens", 7L, "total_tokens", 27L))
                .finishReason("tool_calls")
                .metadata(nullable)
                .reasoning("The user wants weather; call the tool.")
                .trainableStatus(TrainableStatus.TRAINABLE)
                .build();
        Message tool = Message.builder(Role.TOOL)
                .content("18C, sunny")
                .toolResponse(new ToolResponse("call_1", "get_weather", Map.of("city", "Paris"),
                        Map.of("temp_c", 18, "sky", "sunny"), null, Map.of("run_id", "r-3")))
                .build();
        Reward reward = new Reward(0.75, "weighted_mean", List.of(new RewardComponent("helpful", 1.0, 0.9, "answered",
                0.5, List.of(0.0, 1.0), Map.of("judge", "human"))));
        Step first = new Step(List.of(system, user, assistant), Reward.of(1.0), Map.of("run_id", "r-2"),
                TrainableStatus.TRAINABLE);
        Step second = new Step(List.of(system, user, assistant, tool), null, Map.of(), TrainableStatus.SUPERSEDED);
        return new Trajectory(new Task("t-" + conversationId, "langsmith", conversationId, 1, 2, 27L, 0.0012),
                List.of(first, second), reward, new TrajectoryMetrics(2, 7L, 0.75, 1, 0, 0, 0.0),
                new ExecutionMetrics(0.4, 1.25, 2.0, TerminationReason.ENV_DONE), Map.of("answer", "sunny"),
                new Telemetry("langsmith", Map.of("trace_ids", List.of("tr-1"))), 3, null);
    }
}
