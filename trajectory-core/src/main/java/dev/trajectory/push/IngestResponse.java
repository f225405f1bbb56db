package dev.trajectory.push;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The ingest API's answer to one accepted request.
 *
 * @param accepted   events stored for the first time
 * @param duplicates events already stored under the same event_id
 * @param rejected   events the backend refused, with its reason
 */
public record IngestResponse(@JsonProperty("accepted") int accepted, @JsonProperty("duplicates") int duplicates,
        @JsonProperty("rejected") List<Rejection> rejected) {

    public IngestResponse {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** What a backend that answers without a body means: every event was stored. */
    public static IngestResponse allAccepted(int events) {
        return new IngestResponse(events, 0, List.of());
    }

    /** One event (or trajectory: {@code id}) the backend refused. */
    public record Rejection(@JsonProperty("event_id") @JsonAlias("id") @Nullable String eventId,
            @JsonProperty("reason") @Nullable String reason) {
    }
}
