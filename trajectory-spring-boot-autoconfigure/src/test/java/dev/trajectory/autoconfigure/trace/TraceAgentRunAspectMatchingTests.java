package dev.trajectory.autoconfigure.trace;

import dev.trajectory.trace.TraceAgentRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which calls the aspect records: annotated methods, and the public methods of annotated classes. */
class TraceAgentRunAspectMatchingTests {

    private final RecordedAgentRuns runs = new RecordedAgentRuns();

    @Test
    void anAnnotatedMethodIsRecordedAndItsNeighboursAreNot() {
        MethodAnnotated agent = runs.proxy(new MethodAnnotated(), MethodAnnotated.class);

        agent.annotated();
        agent.plain();

        assertThat(runs.runNames()).containsExactly("MethodAnnotated.annotated");
    }

    @Test
    void theMethodsOfAnAnnotatedClassAreRecordedWhenPublic() {
        ClassAnnotated agent = runs.proxy(new ClassAnnotated(), ClassAnnotated.class);

        agent.answer();
        agent.notPublic();

        assertThat(runs.runNames()).containsExactly("ClassAnnotated.answer");
    }

    @Test
    void aSubclassInheritsTheClassAnnotation() {
        InheritingAgent agent = runs.proxy(new InheritingAgent(), InheritingAgent.class);

        agent.answer();
        agent.followUp();

        assertThat(runs.runNames()).containsExactly("InheritingAgent.answer", "InheritingAgent.followUp");
    }

    @Test
    void aClassNestedInAnAnnotatedClassIsNotRecorded() {
        ClassAnnotated.Nested nested = runs.proxy(new ClassAnnotated.Nested(), ClassAnnotated.Nested.class);

        nested.help();

        assertThat(runs.runNames()).isEmpty();
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
