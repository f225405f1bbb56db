package dev.trajectory.sample.springai;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;

/** Asks the Spring AI support agent one question at start-up and logs the answer. */
class SpringAiConversation implements CommandLineRunner {

    private static final Logger logger = LoggerFactory.getLogger(SpringAiConversation.class);

    private final SpringAiSupportAgent agent;

    SpringAiConversation(SpringAiSupportAgent agent) {
        this.agent = agent;
    }

    @Override
    public void run(String... args) {
        String session = "spring-ai-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            String answer = agent.answer(session, "u-42", "Where is my order 1234? If it is late, refund it.");
            logger.info("Spring AI agent answered in session {}: {}", session, answer);
        }
        catch (RuntimeException ex) {
            // the run is recorded as failed either way; the sample keeps running
            logger.warn("Spring AI agent could not answer in session {}: {}", session, ex.toString());
        }
    }
}
