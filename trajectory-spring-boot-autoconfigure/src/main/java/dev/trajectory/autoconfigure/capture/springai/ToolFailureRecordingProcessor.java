package dev.trajectory.autoconfigure.capture.springai;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Lets the capture see tool failures: Spring AI turns a failed tool's exception into a result text for the model
 * before its tool-calling observation ends, so the observation alone cannot tell a failure from an answer. This
 * decorator marks the tool's observation as failed, then hands the exception to the application's processor
 * unchanged.
 */
public final class ToolFailureRecordingProcessor implements ToolExecutionExceptionProcessor {

    private final ToolExecutionExceptionProcessor delegate;

    private final Supplier<ObservationRegistry> registry;

    public ToolFailureRecordingProcessor(ToolExecutionExceptionProcessor delegate,
            Supplier<ObservationRegistry> registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public String process(ToolExecutionException exception) {
        try {
            Observation current = registry.get().getCurrentObservation();
            if (current != null && current.getContext() instanceof ToolCallingObservationContext context) {
                context.put(SpringAiCaptureHandler.ToolFailure.class,
                        new SpringAiCaptureHandler.ToolFailure(exception));
            }
        }
        catch (RuntimeException ignored) {
            // capture is best effort; the application's processor decides what happens to the failure
        }
        return delegate.process(exception);
    }
}
