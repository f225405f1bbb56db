package dev.trajectory.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.ToolCall;
import dev.trajectory.trajectory.ToolResponse;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic stand-in for a chat model, so the sample runs without a model provider: asked first, it calls
 * the order lookup for each order number in the user's message and the refund-policy search when refunds are
 * mentioned; asked again with the tools' answers, it writes the reply from them. Token counts are estimated from
 * the text (four characters a token), and it waits a fixed latency like a remote model would.
 */
final class StandInModel {

    static final String NAME = "stand-in-support-1";

    private static final Pattern ORDER_NUMBER = Pattern.compile("\\b\\d{4,10}\\b");

    private final Duration latency;

    StandInModel(Duration latency) {
        this.latency = latency;
    }

    /** The assistant's next message for the conversation so far. */
    Message next(List<Message> conversation) {
        pause();
        Message last = conversation.get(conversation.size() - 1);
        if (last.role() == Role.USER) {
            List<ToolCall> calls = plan(text(last));
            if (!calls.isEmpty()) {
                return answer(conversation, null, calls, "tool_calls");
            }
        }
        return answer(conversation, reply(conversation), List.of(), "stop");
    }

    private static List<ToolCall> plan(String question) {
        List<ToolCall> calls = new ArrayList<>();
        Matcher orders = ORDER_NUMBER.matcher(question);
        while (orders.find()) {
            calls.add(new ToolCall(OrderLookup.NAME, Map.of("order_id", orders.group()), "call_" + (calls.size() + 1)));
        }
        String lower = question.toLowerCase(Locale.ROOT);
        if (lower.contains("refund") || lower.contains("return")) {
            calls.add(new ToolCall(RefundPolicySearch.NAME, Map.of("query", question), "call_" + (calls.size() + 1)));
        }
        return calls;
    }

    private static String reply(List<Message> conversation) {
        List<String> sentences = new ArrayList<>();
        for (Message message : conversation) {
            ToolResponse response = message.toolResponse();
            if (response == null) {
                continue;
            }
            Object orderId = response.arguments().get("order_id");
            if (response.isFailure()) {
                sentences.add("I could not reach the order system for order " + orderId
                        + " just now, so I have passed it to a colleague who will email you today.");
            }
            else if (response.response() instanceof Map<?, ?> order) {
                sentences.add("Order " + orderId + " is " + order.get("status") + " with " + order.get("carrier") + ".");
            }
            else if (response.response() instanceof List<?> sections && !sections.isEmpty()
                    && sections.get(0) instanceof Map<?, ?> section) {
                sentences.add(String.valueOf(section.get("text")));
            }
        }
        return sentences.isEmpty()
                ? "I can help with orders and refunds: tell me your order number, or ask about our refund policy."
                : String.join(" ", sentences);
    }

    private static Message answer(List<Message> conversation, @Nullable String content, List<ToolCall> calls,
            String finishReason) {
        long input = conversation.stream().mapToLong(message -> tokens(text(message))).sum();
        long output = tokens(content != null ? content : calls.toString());
        Map<String, Long> usage = new LinkedHashMap<>();
        usage.put("input_tokens", input);
        usage.put("output_tokens", output);
        usage.put("total_tokens", input + output);
        return Message.builder(Role.ASSISTANT).content(content).toolCalls(calls).usage(usage)
                .finishReason(finishReason).build();
    }

    private static String text(Message message) {
        return message.content() != null ? message.content() : "";
    }

    private static long tokens(String text) {
        return text.length() / 4 + 1;
    }

    private void pause() {
        try {
            Thread.sleep(latency.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
