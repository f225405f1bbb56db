package dev.trajectory.autoconfigure.web.servlet;

import java.io.IOException;

import dev.trajectory.autoconfigure.web.RequestEvents;
import dev.trajectory.trace.TraceContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records one {@code http.request} event per servlet request, just after the highest precedence so it sees the
 * whole request. The request's trace is current while the request is handled; asynchronous requests are recorded
 * when the response completes.
 * <p>
 * Only a request's original dispatch is recorded: Spring Boot registers a plain filter bean for {@code REQUEST}
 * dispatches, and any other dispatch (async, error, forward, include) passes straight through. That is what a
 * {@code OncePerRequestFilter} does too, but it builds, sets and removes a marker attribute on every request.
 */
public final class RequestEventFilter implements Filter, Ordered {

    /** Just after the highest precedence. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final RequestEvents events;

    public RequestEventFilter(RequestEvents events) {
        this.events = events;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.REQUEST && request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse httpResponse) {
            record(http, httpResponse, chain);
        }
        else {
            chain.doFilter(request, response);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!events.shouldRecord(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        RequestEvents.Started started = events.start(sessionId(request));
        Throwable escaped = null;
        try (TraceContext.Scope ignored = started.trace().makeCurrent()) {
            chain.doFilter(request, response);
        }
        catch (ServletException ex) {
            escaped = ex.getRootCause() != null ? ex.getRootCause() : ex;
            throw ex;
        }
        catch (IOException | RuntimeException | Error ex) {
            escaped = ex;
            throw ex;
        }
        finally {
            if (escaped == null && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new FinishOnCompletion(started));
            }
            else {
                finish(started, request, response, escaped);
            }
        }
    }

    private @Nullable String sessionId(HttpServletRequest request) {
        String header = request.getHeader(events.sessionHeader());
        if (header != null && !header.isBlank()) {
            return header;
        }
        HttpSession session = request.getSession(false);
        return session != null ? session.getId() : null;
    }

    private void finish(RequestEvents.Started started, HttpServletRequest request, HttpServletResponse response,
            @Nullable Throwable error) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        events.finish(started, request.getMethod(), route != null ? route.toString() : null, response.getStatus(),
                error);
    }

    /** Records an asynchronous request once its response is complete. */
    private final class FinishOnCompletion implements AsyncListener {

        private final RequestEvents.Started started;

        private @Nullable Throwable error;

        FinishOnCompletion(RequestEvents.Started started) {
            this.started = started;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finish(started, (HttpServletRequest) event.getSuppliedRequest(),
                    (HttpServletResponse) event.getSuppliedResponse(), error);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            error = event.getThrowable();
        }

        @Override
        public void onError(AsyncEvent event) {
            error = event.getThrowable();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
