package dev.trajectory.autoconfigure.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.trajectory.trace.AgentRuns;
import dev.trajectory.trace.RunCompletion;
import dev.trajectory.trace.RunOutcome;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trace.TraceFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

/** The aspect applied to plain objects through AOP proxies, keeping the trace of every run that ends, in order. */
final class RecordedAgentRuns implements RunCompletion {

    private final List<TraceContext> ended = new CopyOnWriteArrayList<>();

    private final TraceAgentRunAspect aspect = new TraceAgentRunAspect(
            new AgentRuns(TraceFactory.defaults(), this, 4000));

    /** A proxy of the target with the aspect applied: an interface proxy for an interface, else a class proxy. */
    <T> T proxy(Object target, Class<T> type) {
        AspectJProxyFactory factory = new AspectJProxyFactory(target);
        factory.setProxyTargetClass(!type.isInterface());
        factory.addAspect(aspect);
        return type.cast(factory.getProxy());
    }

    List<TraceContext> ended() {
        return ended;
    }

    List<String> runNames() {
        return ended.stream().map(RecordedAgentRuns::runName).toList();
    }

    static String runName(TraceContext trace) {
        return String.valueOf(trace.events().get(0).properties().get("run_name"));
    }

    @Override
    public void push(TraceContext trace) {
        ended.add(trace);
    }

    @Override
    public void upload(TraceContext trace, RunOutcome outcome, @Nullable Object result) {
        ended.add(trace);
    }
}
