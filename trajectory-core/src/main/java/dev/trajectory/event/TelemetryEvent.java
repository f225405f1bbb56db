package dev.trajectory.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened in an application: a user action, a tool call, an agent decision, an LLM turn, an error.
 * <p>
 * Instances are immutable. The record does not reject bad values itself: an event with a blank type can be built,
 * and is then reported and skipped when pushed, so one bad event never fails the batch it travels in.
 *
 * @param eventType    dotted name of what happened, such as {@code user.accept}
 * @param sessionId    session the event belongs to
 * @param properties   free-form JSON-serialisable attributes; never {@code null}
 * @param eventId      idempotency key; the backend stores each id once
 * @param timestamp    when it happened, UTC
 * @param userId       the user, when known
 * @param trajectoryId the trajectory the event belongs to, when known
 * @param traceId      the agent run (trace) the event was recorded in, when any
 * @param source       what produced the event, {@code "sdk"} unless set
 * @param metadata     free-form attributes about the event itself rather than the action
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryEvent(
        @JsonProperty("event_type") String eventType,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("properties") Map<String, @Nullable Object> properties,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("user_id") @Nullable String userId,
        @JsonProperty("trajectory_id") @Nullable String trajectoryId,
        @JsonProperty("trace_id") @Nullable String traceId,
        @JsonProperty("source") String source,
        @JsonProperty("metadata") @Nullable Map<String, @Nullable Object> metadata) {

    /** Source recorded when none is given. */
    public static final String DEFAULT_SOURCE = "sdk";

    public TelemetryEvent {
        properties = properties == null ? FrozenMap.EMPTY : FrozenMap.copyOf(properties);
        metadata = metadata == null ? null : FrozenMap.copyOf(metadata);
        eventId = eventId == null ? EventIds.newEventId() : eventId;
        timestamp = timestamp == null ? Instant.now() : timestamp;
        source = source == null ? DEFAULT_SOURCE : source;
    }

    /** Starts an event of the given type in the given session. */
    public static Builder builder(String eventType, String sessionId) {
        return new Builder().eventType(eventType).sessionId(sessionId);
    }

    /** Starts an empty event; {@code eventType} and {@code sessionId} must be set before it is valid. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this event's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().eventType(eventType).sessionId(sessionId).properties(properties).eventId(eventId)
                .timestamp(timestamp).userId(userId).trajectoryId(trajectoryId).traceId(traceId).source(source)
                .metadata(metadata);
    }

    /** Builds a {@link TelemetryEvent}; unset optional values take the documented defaults at {@link #build()}. */
    public static final class Builder {

        private @Nullable String eventType;
        private @Nullable String sessionId;
        private final Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        private @Nullable String eventId;
        private @Nullable Instant timestamp;
        private @Nullable String userId;
        private @Nullable String trajectoryId;
        private @Nullable String traceId;
        private @Nullable String source;
        private @Nullable Map<String, @Nullable Object> metadata;

        private Builder() {
        }

        public Builder eventType(@Nullable String eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder sessionId(@Nullable String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Replaces all properties. */
        public Builder properties(@Nullable Map<String, ? extends @Nullable Object> properties) {
            this.properties.clear();
            if (properties != null) {
                this.properties.putAll(properties);
            }
            return this;
        }

        /** Adds or replaces one property. */
        public Builder property(String name, @Nullable Object value) {
            this.properties.put(name, value);
            return this;
        }

        public Builder eventId(@Nullable String eventId) {
            this.eventId = eventId;
            return this;
        }

        /**
         * Sets a deterministic event id derived from a key the caller already has (a message offset, a database
         * row id), so that re-sending the same record after a crash is recognised as a duplicate.
         */
        public Builder eventIdFromRecordKey(String recordKey) {
            this.eventId = EventIds.fromRecordKey(recordKey);
            return this;
        }

        /** Backdates the event; defaults to the moment {@link #build()} is called. */
        public Builder timestamp(@Nullable Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder userId(@Nullable String userId) {
            this.userId = userId;
            return this;
        }

        public Builder trajectoryId(@Nullable String trajectoryId) {
            this.trajectoryId = trajectoryId;
            return this;
        }

        public Builder traceId(@Nullable String traceId) {
            this.traceId = traceId;
            return this;
        }

        public Builder source(@Nullable String source) {
            this.source = source;
            return this;
        }

        public Builder metadata(@Nullable Map<String, ? extends @Nullable Object> metadata) {
            this.metadata = metadata == null ? null : new LinkedHashMap<>(metadata);
            return this;
        }

        @SuppressWarnings("NullAway")
        public TelemetryEvent build() {
            return new TelemetryEvent(eventType, sessionId, properties, eventId, timestamp, userId, trajectoryId,
                    traceId, source, metadata);
        }
    }
}
