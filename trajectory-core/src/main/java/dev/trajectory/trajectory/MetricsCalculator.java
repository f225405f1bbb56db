package dev.trajectory.trajectory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Counts a trajectory's metrics from its final message list, whatever source built it. */
public final class MetricsCalculator {

    private MetricsCalculator() {
    }

    /**
     * @param messages the whole conversation (the last step's messages)
     * @param steps    the number of steps
     * @param reward   the trajectory's reward, when scored
     */
    public static TrajectoryMetrics metrics(List<Message> messages, int steps, @Nullable Reward reward) {
        int calls = 0;
        long generated = 0;
        Set<String> answeredIds = new HashSet<>();
        int failures = 0;
        int emptyResponses = 0;
        for (Message message : messages) {
            calls += message.toolCalls().size();
            if (message.role() == Role.ASSISTANT) {
                generated += message.usage().getOrDefault("output_tokens", 0L);
            }
            ToolResponse response = message.toolResponse();
            if (response != null) {
                if (response.id() != null) {
                    answeredIds.add(response.id());
                }
                if (response.isFailure()) {
                    failures++;
                }
                else if (isEmpty(response.response())) {
                    emptyResponses++;
                }
            }
        }
        int unanswered = 0;
        for (Message message : messages) {
            for (ToolCall call : message.toolCalls()) {
                if (call.id() != null && !answeredIds.contains(call.id())) {
                    unanswered++;
                }
            }
        }
        return new TrajectoryMetrics(steps, generated, reward == null ? null : reward.aggregatedValue(), calls,
                failures, emptyResponses + unanswered, calls == 0 ? null : (double) failures / calls);
    }

    private static boolean isEmpty(@Nullable Object response) {
        return response == null || response instanceof String text && text.isBlank();
    }
}
