package dev.trajectory.push;

/** Told about every retry of a request, for metrics. */
@FunctionalInterface
public interface RetryListener {

    RetryListener NONE = failure -> {
    };

    void onRetry(Throwable failure);
}
