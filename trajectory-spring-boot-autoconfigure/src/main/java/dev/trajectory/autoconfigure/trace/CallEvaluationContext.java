package dev.trajectory.autoconfigure.trace;

import org.jspecify.annotations.Nullable;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * What the expressions of one call see: the target as root object and the arguments as variables. Variables an
 * expression assigns come first, as in Spring's {@code MethodBasedEvaluationContext}.
 */
final class CallEvaluationContext extends StandardEvaluationContext {

    private final ArgumentVariables variables;

    private final @Nullable Object[] arguments;

    CallEvaluationContext(@Nullable Object target, ArgumentVariables variables, @Nullable Object[] arguments) {
        super(target);
        this.variables = variables;
        this.arguments = arguments;
    }

    @Override
    public @Nullable Object lookupVariable(String name) {
        Object assigned = super.lookupVariable(name);
        return assigned != null ? assigned : variables.lookup(name, arguments);
    }
}
