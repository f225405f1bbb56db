package dev.trajectory.autoconfigure.web.reactive;

import java.util.concurrent.atomic.AtomicReference;

import dev.trajectory.autoconfigure.web.RequestEvents;
import dev.trajectory.trace.TraceContextThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Records one {@code http.request} event per WebFlux exchange when it completes, errors or is cancelled. The
 * exchange's trace travels in the Reactor context, so operators see it with automatic context propagation.
 */
public final class RequestEventWebFilter implements WebFilter, Ordered {

    /** Just after the highest precedence. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final RequestEvents events;

    public RequestEventWebFilter(RequestEvents events) {
        this.events = events;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!events.shouldRecord(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        RequestEvents.Started started = events.start(exchange.getRequest().getHeaders()
                .getFirst(events.sessionHeader()));
        AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
        return chain.filter(exchange)
                .doOnError(error::set)
                .doFinally(signal -> finish(started, exchange, error.get()))
                .contextWrite(context -> context.put(TraceContextThreadLocalAccessor.KEY, started.trace()));
    }

    private void finish(RequestEvents.Started started, ServerWebExchange exchange, @Nullable Throwable error) {
        PathPattern route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        events.finish(started, exchange.getRequest().getMethod().name(),
                route != null ? route.getPatternString() : null, status != null ? status.value() : null, error);
    }
}
