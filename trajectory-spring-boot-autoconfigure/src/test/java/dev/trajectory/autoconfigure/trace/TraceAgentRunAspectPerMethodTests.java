package dev.trajectory.autoconfigure.trace;

import java.util.List;

import dev.trajectory.trace.TraceAgentRun;
import dev.trajectory.trace.TraceContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the aspect resolves once per method (annotation, name, parsed expressions) stays with that method: methods
 * of one bean, and one interface method on two beans, each keep their own on every call.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceAgentRunAspectPerMethodTests {

    private final RecordedAgentRuns runs = new RecordedAgentRuns();

    private final List<TraceContext> ended = runs.ended();

    @Test
    void methodsOfOneBeanEachEvaluateTheirOwnExpressionsOnEveryCall() {
        Agents agents = runs.proxy(new Agents(), Agents.class);

        for (int call = 0; call < 3; call++) {
            agents.first("a-" + call, "b-" + call);
            agents.second("a-" + call, "b-" + call);
            agents.unnamed("a-" + call, "b-" + call);
        }

        assertThat(ended).hasSize(9);
        for (int call = 0; call < 3; call++) {
            TraceContext first = ended.get(3 * call);
            TraceContext second = ended.get(3 * call + 1);
            TraceContext unnamed = ended.get(3 * call + 2);
            assertThat(RecordedAgentRuns.runName(first)).isEqualTo("first");
            assertThat(first.sessionId()).isEqualTo("a-" + call);
            assertThat(first.userId()).isNull();
            assertThat(RecordedAgentRuns.runName(second)).isEqualTo("second");
            assertThat(second.sessionId()).isEqualTo("b-" + call);
            assertThat(second.userId()).isEqualTo("a-" + call);
            assertThat(RecordedAgentRuns.runName(unnamed)).isEqualTo("Agents.unnamed");
            assertThat(unnamed.sessionId()).isEqualTo(unnamed.traceId());
            assertThat(unnamed.userId()).isNull();
        }
    }

    @Test
    void oneInterfaceMethodOnTwoBeansRunsUnderEachBeansOwnAnnotation() {
        Answering support = runs.proxy(new SupportAnswers(), Answering.class);
        Answering sales = runs.proxy(new SalesAnswers(), Answering.class);

        support.answer("s-1", "u-1");
        sales.answer("s-2", "u-2");
        support.answer("s-3", "u-3");

        assertThat(ended).extracting(RecordedAgentRuns::runName)
                .containsExactly("SupportAnswers.answer", "sales", "SupportAnswers.answer");
        assertThat(ended).extracting(TraceContext::sessionId).containsExactly("s-1", "u-2", "s-3");
    }

    @Test
    void anExpressionThatFailsIsReportedOnceAndTheRunsAreRecordedWithoutIt(CapturedOutput output) {
        Agents agents = runs.proxy(new Agents(), Agents.class);

        agents.failing(null);
        agents.failing(null);
        agents.unparsable("a");

        assertThat(ended).hasSize(3).allSatisfy(trace -> assertThat(trace.sessionId()).isEqualTo(trace.traceId()));
        assertThat(output.getOut()).containsOnlyOnce("@TraceAgentRun expression '#question.length()' on ")
                .contains("Agents.failing(java.lang.String) could not be evaluated; recording the run without it")
                .containsOnlyOnce("@TraceAgentRun expression '#a +' on ")
                .contains("Agents.unparsable(java.lang.String) could not be parsed; recording its runs without it");
    }

    static class Agents {

        @TraceAgentRun(name = "first", sessionId = "#a")
        public String first(String a, String b) {
            return a;
        }

        @TraceAgentRun(name = "second", sessionId = "#b", userId = "#p0")
        public String second(String a, String b) {
            return b;
        }

        @TraceAgentRun
        public String unnamed(String a, String b) {
            return a + b;
        }

        @TraceAgentRun(sessionId = "#question.length()")
        public @Nullable String failing(@Nullable String question) {
            return question;
        }

        @TraceAgentRun(sessionId = "#a +")
        public String unparsable(String a) {
            return a;
        }
    }

    interface Answering {

        String answer(String sessionId, String userId);
    }

    static class SupportAnswers implements Answering {

        @Override
        @TraceAgentRun(sessionId = "#sessionId")
        public String answer(String sessionId, String userId) {
            return sessionId;
        }
    }

    @TraceAgentRun(name = "sales", sessionId = "#userId")
    static class SalesAnswers implements Answering {

        @Override
        public String answer(String sessionId, String userId) {
            return userId;
        }
    }
}
