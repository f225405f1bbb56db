package dev.trajectory.sample;

import java.util.Map;

import dev.trajectory.client.TelemetryClient;
import dev.trajectory.trajectory.Trajectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The support service's HTTP API: {@code POST /chat} runs the agent, {@code POST /feedback} records a verdict. */
@RestController
class SupportController {

    private final SupportAgent agent;

    private final TelemetryClient telemetry;

    SupportController(SupportAgent agent, TelemetryClient telemetry) {
        this.agent = agent;
        this.telemetry = telemetry;
    }

    @PostMapping("/chat")
    ChatReply chat(@RequestBody ChatRequest request) {
        if (request.message() == null || request.message().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "message must not be blank");
        }
        Trajectory run = agent.answer(request);
        String session = run.task().conversationId() != null ? run.task().conversationId() : run.task().id();
        return new ChatReply(session, run.task().id(), SupportAgent.reply(run));
    }

    /** Records {@code user.accept} or {@code user.reject} with the run's trace id, so the run shows the verdict. */
    @PostMapping("/feedback")
    ResponseEntity<Map<String, Boolean>> feedback(@RequestBody Feedback feedback) {
        if (feedback.sessionId() == null || feedback.sessionId().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "session_id must not be blank");
        }
        boolean recorded = telemetry.track(telemetry
                .event(feedback.accepted() ? "user.accept" : "user.reject", feedback.sessionId())
                .userId(feedback.userId())
                .traceId(feedback.traceId())
                .build());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("recorded", recorded));
    }
}
