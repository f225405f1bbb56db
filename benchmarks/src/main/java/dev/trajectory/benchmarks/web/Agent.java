package dev.trajectory.benchmarks.web;

import dev.trajectory.trace.TraceAgentRun;
import org.springframework.stereotype.Component;

/** The same small piece of work twice: once as a recorded agent run, once plain, both through the bean's proxy. */
@Component
public class Agent {

    @TraceAgentRun(name = "benchmark.answer", sessionId = "#sessionId")
    public int recordedAnswer(String sessionId, String question) {
        return work(question);
    }

    public int plainAnswer(String sessionId, String question) {
        return work(question);
    }

    private static int work(String question) {
        return question.hashCode() ^ question.length();
    }
}
