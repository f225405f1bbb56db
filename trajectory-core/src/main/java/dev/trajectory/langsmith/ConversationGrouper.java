package dev.trajectory.langsmith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Collects root runs into conversation summaries, in the order conversations are first seen. */
final class ConversationGrouper {

    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** The conversation a root run belongs to: its thread, or its own trace. */
    static String conversationOf(LangSmithRun root) {
        String key = root.conversationKey();
        if (key != null) {
            return key;
        }
        return root.traceId() != null ? root.traceId() : root.id();
    }

    boolean contains(LangSmithRun root) {
        return groups.containsKey(conversationOf(root));
    }

    int size() {
        return groups.size();
    }

    void add(LangSmithRun root) {
        groups.computeIfAbsent(conversationOf(root), key -> new Group()).add(root);
    }

    List<ConversationSummary> summaries() {
        List<ConversationSummary> summaries = new ArrayList<>(groups.size());
        groups.forEach((id, group) -> summaries.add(new ConversationSummary(id, group.traceIds.size(), group.first,
                group.last, List.copyOf(group.names), List.copyOf(group.traceIds))));
        return summaries;
    }

    private static final class Group {

        private final Set<String> traceIds = new LinkedHashSet<>();

        private final Set<String> names = new LinkedHashSet<>();

        private @Nullable Instant first;

        private @Nullable Instant last;

        void add(LangSmithRun root) {
            traceIds.add(root.traceId() != null ? root.traceId() : root.id());
            names.add(root.name());
            Instant start = root.startTime();
            if (start != null) {
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || start.isAfter(last) ? start : last;
            }
        }
    }
}
