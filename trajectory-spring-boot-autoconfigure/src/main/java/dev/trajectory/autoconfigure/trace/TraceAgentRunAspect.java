package dev.trajectory.autoconfigure.trace;

import java.util.Optional;

import dev.trajectory.trace.AgentRun;
import dev.trajectory.trace.AgentRuns;
import dev.trajectory.trace.TraceAgentRun;
import dev.trajectory.trace.TraceContext;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;

/**
 * Records every call of a {@link TraceAgentRun} method as an agent run. The method's own outcome is untouched: its
 * result is returned as is (asynchronous ones end the run when they finish), its exception rethrown unchanged.
 */
@Aspect
public final class TraceAgentRunAspect {

    private static final Logger logger = LoggerFactory.getLogger(TraceAgentRunAspect.class);

    private final AgentRuns runs;

    private final RunMethods methods = new RunMethods();

    public TraceAgentRunAspect(AgentRuns runs) {
        this.runs = runs;
    }

    // Not @annotation(..) and @within(..): AspectJ marks those as needing a runtime test, which Spring AOP then runs
    // on every call. within(@TraceAgentRun *) also takes in classes nested in an annotated one; their calls find no
    // annotation in RunMethods and run unrecorded, as before.
    @Around("execution(@dev.trajectory.trace.TraceAgentRun * *(..)) "
            + "|| (within(@dev.trajectory.trace.TraceAgentRun *) && execution(public * *(..)))")
    public @Nullable Object record(ProceedingJoinPoint call) throws Throwable {
        AgentRun run = begin(call);
        if (run == null) {
            return call.proceed();
        }
        Object result;
        try (TraceContext.Scope ignored = run.enter()) {
            result = call.proceed();
        }
        catch (Throwable error) {
            run.failed(error);
            throw error;
        }
        return RunResults.endWhenDone(run, result);
    }

    private @Nullable AgentRun begin(ProceedingJoinPoint call) {
        try {
            Object target = call.getTarget();
            Class<?> targetClass = target != null ? AopUtils.getTargetClass(target)
                    : call.getSignature().getDeclaringType();
            Optional<RunMethod> method = methods.get(((MethodSignature) call.getSignature()).getMethod(), targetClass);
            return method.isPresent() ? runs.begin(method.get().options(call)) : null;
        }
        catch (RuntimeException ex) {
            logger.warn("Could not start recording agent run {}; running it unrecorded: {}",
                    call.getSignature().toShortString(), ex.toString());
            return null;
        }
    }
}
