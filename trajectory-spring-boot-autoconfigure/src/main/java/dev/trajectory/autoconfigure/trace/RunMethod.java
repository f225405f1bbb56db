package dev.trajectory.autoconfigure.trace;

import dev.trajectory.trace.AgentRuns;
import org.aspectj.lang.JoinPoint;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.EvaluationContext;

/**
 * A {@code @TraceAgentRun} method as resolved once: the run's name and flags and its parsed session and user
 * expressions. A call only evaluates the expressions; a method without any reuses the same options every time.
 */
final class RunMethod {

    private final RunExpressions expressions;

    private final AgentRuns.RunOptions fixedOptions;

    private final @Nullable RunExpression sessionId;

    private final @Nullable RunExpression userId;

    private final @Nullable ArgumentVariables variables;

    RunMethod(RunExpressions expressions, AgentRuns.RunOptions fixedOptions, @Nullable RunExpression sessionId,
            @Nullable RunExpression userId, @Nullable ArgumentVariables variables) {
        this.expressions = expressions;
        this.fixedOptions = fixedOptions;
        this.sessionId = sessionId;
        this.userId = userId;
        this.variables = variables;
    }

    /** The options of this call of the method: the fixed ones, with the session and user its arguments give. */
    AgentRuns.RunOptions options(JoinPoint call) {
        if (variables == null) {
            return fixedOptions;
        }
        EvaluationContext context = expressions.context(call.getTarget(), variables, call.getArgs());
        return new AgentRuns.RunOptions(fixedOptions.name(), evaluate(sessionId, context),
                evaluate(userId, context), fixedOptions.pushEvents(), fixedOptions.uploadTrajectory());
    }

    private static @Nullable String evaluate(@Nullable RunExpression expression, EvaluationContext context) {
        return expression == null ? null : expression.evaluate(context);
    }
}
