package dev.trajectory.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every public method of a type) that runs an agent. In a Spring Boot application with AspectJ
 * on the classpath, each call opens a {@link TraceContext}, records {@code agent.run.start} and
 * {@code agent.run.end}, and at the end hands the run's events to the tracking pipeline. A call made while another
 * run is in progress joins that run. Methods returning {@code Mono}, {@code Flux} or {@code CompletableFuture} end
 * when the result completes, fails or is cancelled.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface TraceAgentRun {

    /** Name of the run; {@code SimpleClassName.method} when empty. */
    String name() default "";

    /** SpEL expression over the method's arguments ({@code #request.sessionId}, {@code #p0}) giving the session id. */
    String sessionId() default "";

    /** SpEL expression over the method's arguments giving the user id. */
    String userId() default "";

    /** Whether to hand the run's events to the tracking pipeline when the run ends. */
    boolean pushEvents() default true;

    /** Whether to upload the run as a trajectory, together with its events, when it ends. */
    boolean uploadTrajectory() default false;
}
