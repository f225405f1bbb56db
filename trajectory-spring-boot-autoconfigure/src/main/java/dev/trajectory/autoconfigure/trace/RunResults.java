package dev.trajectory.autoconfigure.trace;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import dev.trajectory.trace.AgentRun;
import dev.trajectory.trace.TraceContextThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a run when the method's result is done: at once for a plain value, at completion, error or cancellation for
 * a {@code Mono}, {@code Flux} or {@code CompletionStage}. Reactive results also carry the run's context in their
 * Reactor context, so operators see it.
 */
final class RunResults {

    private RunResults() {
    }

    static @Nullable Object endWhenDone(AgentRun run, @Nullable Object result) {
        if (result instanceof Mono<?> mono) {
            return mono.doOnSuccess(run::succeeded)
                    .doOnError(run::failed)
                    .doOnCancel(run::cancelled)
                    .contextWrite(context -> context.put(TraceContextThreadLocalAccessor.KEY, run.trace()));
        }
        if (result instanceof Flux<?> flux) {
            return flux.doOnComplete(() -> run.succeeded(null))
                    .doOnError(run::failed)
                    .doOnCancel(run::cancelled)
                    .contextWrite(context -> context.put(TraceContextThreadLocalAccessor.KEY, run.trace()));
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, error) -> {
                if (error == null) {
                    run.succeeded(value);
                }
                else if (error instanceof CancellationException) {
                    run.cancelled();
                }
                else {
                    run.failed(error instanceof CompletionException && error.getCause() != null ? error.getCause()
                            : error);
                }
            });
            return stage;
        }
        run.succeeded(result);
        return result;
    }
}
