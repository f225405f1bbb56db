package dev.trajectory.sample;

import java.util.List;
import java.util.UUID;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.push.PushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Records the events of one short support-agent conversation (the user's question, the agent's tool call and
 * decision, the user's feedback) and pushes them, logging what became of each.
 */
@Component
class SupportConversation implements CommandLineRunner {

    private static final Logger logger = LoggerFactory.getLogger(SupportConversation.class);

    private final TelemetryClient telemetry;

    SupportConversation(TelemetryClient telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void run(String... args) {
        String session = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        List<TelemetryEvent> events = List.of(
                telemetry.event("user.message", session).userId("u-42")
                        .property("text", "Where is my order 1234?").build(),
                telemetry.event("tool.call", session).userId("u-42")
                        .property("tool", "order_lookup").property("arguments", java.util.Map.of("order", "1234"))
                        .build(),
                telemetry.event("agent.decision", session).userId("u-42")
                        .property("action", "reply").property("confidence", 0.92).build(),
                telemetry.event("user.accept", session).userId("u-42").build());

        PushResult result = telemetry.pushEvents(events);

        logger.info("Pushed the conversation {}: {} accepted, {} duplicates, {} skipped, {} failed", session,
                result.pushed(), result.duplicates(), result.skipped(), result.failed());
        result.errors().forEach(error -> logger.warn("Not delivered: {}", error));
    }
}
