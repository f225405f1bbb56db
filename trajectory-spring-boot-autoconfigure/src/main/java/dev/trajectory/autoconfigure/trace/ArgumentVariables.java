package dev.trajectory.autoconfigure.trace;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.KotlinDetector;
import org.springframework.core.ParameterNameDiscoverer;

/**
 * The SpEL variables under which one method's arguments are visible: {@code #p0}, {@code #a0} and the parameter's
 * name when it is known. Worked out once per method, the same way Spring's {@code MethodBasedEvaluationContext} does
 * on every call, so a call only looks its arguments up.
 */
final class ArgumentVariables {

    private final Map<String, Integer> indexes;

    private final boolean suspending;

    private ArgumentVariables(Map<String, Integer> indexes, boolean suspending) {
        this.indexes = indexes;
        this.suspending = suspending;
    }

    static ArgumentVariables of(Method method, ParameterNameDiscoverer parameterNames) {
        @Nullable String[] names = parameterNames.getParameterNames(method);
        int count = names != null ? names.length : method.getParameterCount();
        // insertion order as in MethodBasedEvaluationContext: on a clash the later parameter wins
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            indexes.put("a" + i, i);
            indexes.put("p" + i, i);
            if (names != null && names[i] != null) {
                indexes.put(names[i], i);
            }
        }
        return new ArgumentVariables(Map.copyOf(indexes), KotlinDetector.isSuspendingFunction(method));
    }

    /** The argument the variable names, or {@code null} when it names none. */
    @Nullable Object lookup(String variable, @Nullable Object[] arguments) {
        Integer index = indexes.get(variable);
        // a suspending function's last argument is its continuation, which is not one of its parameters
        int available = suspending ? arguments.length - 1 : arguments.length;
        return index != null && index < available ? arguments[index] : null;
    }
}
