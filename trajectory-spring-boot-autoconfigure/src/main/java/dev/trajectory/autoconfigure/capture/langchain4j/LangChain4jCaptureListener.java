package dev.trajectory.autoconfigure.capture.langchain4j;

import java.time.Duration;
import java.util.Locale;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.trajectory.capture.ModelCall;
import dev.trajectory.capture.RunCapture;
import dev.trajectory.trace.TraceContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every chat-model call made inside an agent run as a step. The run current when the request starts is
 * kept in the call's attributes, so a streamed response that completes on another thread still lands in it. Add it
 * to a model with {@code listeners(...)}; the LangChain4j Spring Boot starters attach listener beans themselves.
 * Never throws into the call.
 */
public final class LangChain4jCaptureListener implements ChatModelListener {

    private static final Logger logger = LoggerFactory.getLogger(LangChain4jCaptureListener.class);

    private final RunCapture capture;

    public LangChain4jCaptureListener(RunCapture capture) {
        this.capture = capture;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        TraceContext.current().ifPresent(trace -> {
            context.attributes().put(Started.class, new Started(trace, System.nanoTime()));
            capture.modelCallStarted(trace);
        });
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        Started started = started(context.attributes().get(Started.class));
        if (started == null) {
            return;
        }
        try {
            ChatResponse response = context.chatResponse();
            capture.modelCall(started.trace(), new ModelCall(provider(context.modelProvider()),
                    LangChain4jMessages.model(context.chatRequest(), response),
                    LangChain4jMessages.input(context.chatRequest()), LangChain4jMessages.output(response),
                    LangChain4jMessages.tools(context.chatRequest()), started.elapsed(), false));
        }
        catch (RuntimeException ex) {
            logger.warn("Could not capture a LangChain4j model call in agent run {}: {}", started.trace().traceId(),
                    ex.toString());
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        Started started = started(context.attributes().get(Started.class));
        if (started != null) {
            capture.modelCallFailed(started.trace(), provider(context.modelProvider()),
                    LangChain4jMessages.model(context.chatRequest(), null), context.error(), started.elapsed());
        }
    }

    private static @Nullable Started started(@Nullable Object value) {
        return value instanceof Started started ? started : null;
    }

    private static @Nullable String provider(@Nullable Object provider) {
        return provider == null ? null : provider.toString().toLowerCase(Locale.ROOT);
    }

    /** The run a call belongs to and when it started. */
    private record Started(TraceContext trace, long nanos) {

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - nanos);
        }
    }
}
