package dev.trajectory.langsmith;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A conversation found in LangSmith, from its root runs.
 *
 * @param conversationId the thread id, or the trace id of a conversation without a thread
 * @param numTurns       root runs (traces) seen for it
 * @param firstSeen      start of its earliest root run
 * @param lastSeen       start of its latest root run
 * @param rootRunNames   names of its root runs, without repeats
 * @param traceIds       its traces, which an import reads run by run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationSummary(@JsonProperty("conversation_id") String conversationId,
        @JsonProperty("num_turns") int numTurns, @JsonProperty("first_seen") @Nullable Instant firstSeen,
        @JsonProperty("last_seen") @Nullable Instant lastSeen,
        @JsonProperty("root_run_names") List<String> rootRunNames,
        @JsonProperty("trace_ids") List<String> traceIds) {

    public ConversationSummary {
        rootRunNames = rootRunNames == null ? List.of() : List.copyOf(rootRunNames);
        traceIds = traceIds == null ? List.of() : List.copyOf(traceIds);
    }
}
