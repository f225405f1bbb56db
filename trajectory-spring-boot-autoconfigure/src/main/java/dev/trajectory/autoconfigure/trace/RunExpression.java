package dev.trajectory.autoconfigure.trace;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * One parsed {@code @TraceAgentRun} expression of one method. A failure is logged the first time and the value
 * counts as absent: telemetry never fails the call.
 */
final class RunExpression {

    private static final Logger logger = LoggerFactory.getLogger(RunExpression.class);

    private final Expression expression;

    private final Method method;

    private final AtomicBoolean reported = new AtomicBoolean();

    RunExpression(Expression expression, Method method) {
        this.expression = expression;
        this.method = method;
    }

    /** The expression's value as a string, or {@code null} when it is null or could not be evaluated. */
    @Nullable String evaluate(EvaluationContext context) {
        try {
            Object value = expression.getValue(context);
            return value == null ? null : value.toString();
        }
        catch (RuntimeException ex) {
            if (reported.compareAndSet(false, true)) {
                logger.warn("@TraceAgentRun expression '{}' on {} could not be evaluated; recording the run without "
                        + "it: {}", expression.getExpressionString(), method, ex.getMessage());
            }
            return null;
        }
    }
}
