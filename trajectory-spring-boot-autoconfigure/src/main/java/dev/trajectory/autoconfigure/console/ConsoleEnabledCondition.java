package dev.trajectory.autoconfigure.console;

import dev.trajectory.autoconfigure.TrajectoryProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code trajectory.console.enabled} is true, or when it is unset and no {@code trajectory.api-key} is
 * set (local mode): the console shows local data, so by default it exists only where there is some.
 */
final class ConsoleEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        Boolean enabled = binder.bind("trajectory.console.enabled", Boolean.class).orElse(null);
        boolean localMode = binder.bind("trajectory.api-key", String.class).map(String::isBlank).orElse(true);
        boolean served = TrajectoryProperties.Console.served(enabled, localMode);
        String reason = enabled != null ? "trajectory.console.enabled is " + enabled
                : localMode ? "no trajectory.api-key is set (local mode)" : "trajectory.api-key is set";
        return served ? ConditionOutcome.match(reason) : ConditionOutcome.noMatch(reason);
    }
}
