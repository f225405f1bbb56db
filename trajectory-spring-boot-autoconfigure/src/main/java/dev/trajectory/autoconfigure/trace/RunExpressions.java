package dev.trajectory.autoconfigure.trace;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.ReflectiveConstructorResolver;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.expression.spel.support.StandardTypeConverter;
import org.springframework.expression.spel.support.StandardTypeLocator;

/**
 * Parses the SpEL expressions of {@code @TraceAgentRun} and makes the context they are evaluated in for a call
 * ({@code #name}, {@code #p0}, the target as root). The reflective strategies of a {@link StandardEvaluationContext}
 * are made once and shared by every call, so the accessors they cache stay warm; a call makes only its variables.
 * An expression that does not parse is logged and counts as absent: telemetry never fails the call.
 */
final class RunExpressions {

    private static final Logger logger = LoggerFactory.getLogger(RunExpressions.class);

    private final ExpressionParser parser = new SpelExpressionParser();

    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

    private final List<PropertyAccessor> propertyAccessors = List.of(new ReflectivePropertyAccessor());

    private final List<MethodResolver> methodResolvers = List.of(new ReflectiveMethodResolver());

    private final List<ConstructorResolver> constructorResolvers = List.of(new ReflectiveConstructorResolver());

    private final TypeLocator typeLocator = new StandardTypeLocator();

    private final TypeConverter typeConverter = new StandardTypeConverter();

    /** The parsed expression, or {@code null} when it is blank or does not parse. */
    @Nullable RunExpression parse(String expression, Method method) {
        if (expression.isBlank()) {
            return null;
        }
        try {
            return new RunExpression(parser.parseExpression(expression), method);
        }
        catch (RuntimeException ex) {
            logger.warn("@TraceAgentRun expression '{}' on {} could not be parsed; recording its runs without it: {}",
                    expression, method, ex.getMessage());
            return null;
        }
    }

    /** The names the method's arguments go by in its expressions. */
    ArgumentVariables variables(Method method) {
        return ArgumentVariables.of(method, parameterNames);
    }

    /** A context for one call of a method whose variables are given. */
    StandardEvaluationContext context(@Nullable Object target, ArgumentVariables variables,
            @Nullable Object[] arguments) {
        StandardEvaluationContext context = new CallEvaluationContext(target, variables, arguments);
        context.setPropertyAccessors(propertyAccessors);
        context.setMethodResolvers(methodResolvers);
        context.setConstructorResolvers(constructorResolvers);
        context.setTypeLocator(typeLocator);
        context.setTypeConverter(typeConverter);
        return context;
    }
}
