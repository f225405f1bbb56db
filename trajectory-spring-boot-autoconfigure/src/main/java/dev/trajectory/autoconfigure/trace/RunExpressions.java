package dev.trajectory.autoconfigure.trace;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Evaluates the SpEL expressions of {@code @TraceAgentRun} against a call's arguments ({@code #name}, {@code #p0}).
 * An expression that does not parse or fails is logged once and counts as absent: telemetry never fails the call.
 */
final class RunExpressions {

    private static final Logger logger = LoggerFactory.getLogger(RunExpressions.class);

    private final ExpressionParser parser = new SpelExpressionParser();

    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

    /** Parsed expressions by text; bounded by the expressions written in annotations. */
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

    private final Map<String, Boolean> reported = new ConcurrentHashMap<>();

    @Nullable String evaluate(String expression, Method method, @Nullable Object[] args, @Nullable Object target) {
        if (expression.isBlank()) {
            return null;
        }
        try {
            Object value = parsed.computeIfAbsent(expression, parser::parseExpression)
                    .getValue(new MethodBasedEvaluationContext(target, method, args, parameterNames));
            return value == null ? null : value.toString();
        }
        catch (RuntimeException ex) {
            if (reported.putIfAbsent(expression, Boolean.TRUE) == null) {
                logger.warn("@TraceAgentRun expression '{}' on {} could not be evaluated; recording the run without "
                        + "it: {}", expression, method, ex.getMessage());
            }
            return null;
        }
    }
}
