package dev.trajectory.autoconfigure.console;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One agent run as the console's list shows it.
 *
 * @param traceId    the run's trace id
 * @param name       the run's name, from its {@code agent.run.start} event
 * @param sessionId  the session the run belongs to
 * @param userId     the user, when known
 * @param startedAt  when the run started, or when it was stored if its start event is missing
 * @param status     {@code success}, {@code error}, {@code cancelled} or {@code unknown}
 * @param durationMs how long the run took, when recorded
 * @param tokens     tokens used by its LLM calls, when recorded
 * @param steps      steps of its trajectory
 * @param toolCalls  tool calls answered in its trajectory
 * @param toolErrors tool calls that failed
 * @param preview    the start of the first user message
 */
public record RunSummary(String traceId, @Nullable String name, @Nullable String sessionId, @Nullable String userId,
        Instant startedAt, String status, @Nullable Long durationMs, @Nullable Long tokens, int steps, int toolCalls,
        int toolErrors, @Nullable String preview) {

    /** Whether the trace id, session or user contains the query, ignoring case; a blank query matches every run. */
    public boolean matches(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String needle = query.strip().toLowerCase(Locale.ROOT);
        return contains(traceId, needle) || contains(sessionId, needle) || contains(userId, needle);
    }

    private static boolean contains(@Nullable String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
