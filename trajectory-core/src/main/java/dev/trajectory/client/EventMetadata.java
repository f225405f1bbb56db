package dev.trajectory.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.trajectory.tracking.EventKind;
import org.jspecify.annotations.Nullable;

/**
 * The metadata every tracked event carries, {@code client_id} and, when given, {@code kind}: built once per client
 * id rather than once per event.
 */
record EventMetadata(String clientId, Map<String, Object> withoutKind, Map<EventKind, Map<String, Object>> byKind) {

    EventMetadata(String clientId) {
        this(clientId, ordered(clientId, null), byKind(clientId));
    }

    private static Map<EventKind, Map<String, Object>> byKind(String clientId) {
        Map<EventKind, Map<String, Object>> maps = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            maps.put(kind, ordered(clientId, kind));
        }
        return maps;
    }

    /** In a fixed order, so events serialise the same way every time. */
    private static Map<String, Object> ordered(String clientId, @Nullable EventKind kind) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("client_id", clientId);
        if (kind != null) {
            metadata.put("kind", kind.value());
        }
        return Collections.unmodifiableMap(metadata);
    }

    /** The metadata for an event of the given kind, or of no kind. */
    Map<String, Object> of(@Nullable EventKind kind) {
        return kind == null ? withoutKind : byKind.get(kind);
    }
}
