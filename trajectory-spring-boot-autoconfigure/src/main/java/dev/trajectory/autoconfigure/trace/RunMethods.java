package dev.trajectory.autoconfigure.trace;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.trajectory.trace.AgentRuns;
import dev.trajectory.trace.TraceAgentRun;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The {@link RunMethod} of each method the aspect intercepts, resolved on its first call and kept: the annotation
 * on the method or else on its class (meta-annotations included), the run's name and the parsed expressions. Keyed
 * by method and target class, since an interface method runs differently on each implementation; the cache is
 * bounded by the methods the pointcut matches.
 */
final class RunMethods {

    private final ConcurrentHashMap<MethodClassKey, Optional<RunMethod>> resolved = new ConcurrentHashMap<>();

    private final RunExpressions expressions = new RunExpressions();

    /** The run method of a call of {@code method} on an instance of {@code targetClass}; empty if not annotated. */
    Optional<RunMethod> get(Method method, Class<?> targetClass) {
        MethodClassKey key = new MethodClassKey(method, targetClass);
        Optional<RunMethod> known = resolved.get(key);
        return known != null ? known : resolved.computeIfAbsent(key, ignored -> resolve(method, targetClass));
    }

    private Optional<RunMethod> resolve(Method invoked, Class<?> targetClass) {
        Method method = AopUtils.getMostSpecificMethod(invoked, targetClass);
        TraceAgentRun annotation = annotation(method, targetClass);
        if (annotation == null) {
            return Optional.empty();
        }
        String name = annotation.name().isBlank()
                ? ClassUtils.getUserClass(targetClass).getSimpleName() + "." + method.getName() : annotation.name();
        RunExpression sessionId = expressions.parse(annotation.sessionId(), method);
        RunExpression userId = expressions.parse(annotation.userId(), method);
        ArgumentVariables variables = sessionId != null || userId != null ? expressions.variables(method) : null;
        return Optional.of(new RunMethod(expressions,
                new AgentRuns.RunOptions(name, null, null, annotation.pushEvents(), annotation.uploadTrajectory()),
                sessionId, userId, variables));
    }

    private static @Nullable TraceAgentRun annotation(Method method, Class<?> targetClass) {
        TraceAgentRun onMethod = AnnotatedElementUtils.findMergedAnnotation(method, TraceAgentRun.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(targetClass, TraceAgentRun.class);
    }
}
