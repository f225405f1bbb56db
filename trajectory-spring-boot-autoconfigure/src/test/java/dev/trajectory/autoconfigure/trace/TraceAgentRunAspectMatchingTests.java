package dev.trajectory.autoconfigure.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.trajectory.trace.AgentRuns;
import dev.trajectory.trace.RunCompletion;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.TraceAgentRun;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trace.TraceFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Which calls the aspect records: annotated methods, and the public methods of annotated classes. */
class TraceAgentRunAspectMatchingTests {

    private final List<String> recorded = new CopyOnWriteArrayList<>();

    private final TraceAgentRunAspect aspect = new TraceAgentRunAspect(
            new AgentRuns(TraceFactory.defaults(), new RecordingCompletion(), 4000));

    @Test
    void anAnnotatedMethodIsRecordedAndItsNeighboursAreNot() {
        MethodAnnotated agent = proxy(new MethodAnnotated());

        agent.annotated();
        agent.plain();

        assertThat(recorded).containsExactly("MethodAnnotated.annotated");
    }

    @Test
    void theMethodsOfAnAnnotatedClassAreRecordedWhenPublic() {
        ClassAnnotated agent = proxy(new ClassAnnotated());

        agent.answer();
        agent.notPublic();

        assertThat(recorded).containsExactly("ClassAnnotated.answer");
    }

    @Test
    void aSubclassInheritsTheClassAnnotation() {
        InheritingAgent agent = proxy(new InheritingAgent());

        agent.answer();
        agent.followUp();

        assertThat(recorded).containsExactly("InheritingAgent.answer", "InheritingAgent.followUp");
    }

    @Test
    void aClassNestedInAnAnnotatedClassIsNotRecorded() {
        ClassAnnotated.Nested nested = proxy(new ClassAnnotated.Nested());

        nested.help();

        assertThat(recorded).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(T target) {
        AspectJProxyFactory factory = new AspectJProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAspect(aspect);
        return (T) factory.getProxy();
    }

    /** Keeps the name of every run that ended. */
    private final class RecordingCompletion implements RunCompletion {

        @Override
        public void push(TraceContext trace) {
            recorded.add(String.valueOf(trace.events().get(0).properties().get("run_name")));
        }

        @Override
        public void upload(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
            push(trace);
        }
    }

    static class MethodAnnotated {

        @TraceAgentRun
        public String annotated() {
            return "annotated";
        }

        public String plain() {
            return "plain";
        }
    }

    @TraceAgentRun
    static class ClassAnnotated {

        public String answer() {
            return "answer";
        }

        String notPublic() {
            return "not public";
        }

        static class Nested {

            public String help() {
                return "help";
            }
        }
    }

    static class InheritingAgent extends ClassAnnotated {

        public String followUp() {
            return "follow-up";
        }
    }
}
