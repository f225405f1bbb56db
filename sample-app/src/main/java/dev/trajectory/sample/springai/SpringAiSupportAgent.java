package dev.trajectory.sample.springai;

import dev.trajectory.trace.TraceAgentRun;
import org.springframework.ai.chat.client.ChatClient;

/**
 * A support agent backed by a real model. Each answer is an agent run: its model calls and tool calls become the
 * steps of the trajectory uploaded when the run ends.
 */
public class SpringAiSupportAgent {

    private final ChatClient chat;

    SpringAiSupportAgent(ChatClient chat) {
        this.chat = chat;
    }

    @TraceAgentRun(name = "support.answer", sessionId = "#sessionId", userId = "#userId")
    public String answer(String sessionId, String userId, String question) {
        String answer = chat.prompt().user(question).tools(new OrderTools()).call().content();
        return answer == null ? "" : answer;
    }
}
