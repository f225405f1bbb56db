package dev.trajectory.langsmith;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a conversation's runs in execution order: by {@code dotted_order} when every run has one (it encodes the
 * start time of each ancestor), else by start time, parents before children, then id.
 */
final class RunOrder {

    private RunOrder() {
    }

    static List<LangSmithRun> sort(List<LangSmithRun> runs) {
        if (runs.stream().allMatch(run -> run.dottedOrder() != null)) {
            return runs.stream().sorted(Comparator.comparing(LangSmithRun::dottedOrder)).toList();
        }
        Map<String, LangSmithRun> byId = new HashMap<>();
        runs.forEach(run -> byId.put(run.id(), run));
        Comparator<LangSmithRun> order = Comparator
                .comparing((LangSmithRun run) -> run.startTime() == null ? Instant.MAX : run.startTime())
                .thenComparingInt(run -> depth(run, byId))
                .thenComparing(LangSmithRun::id);
        return runs.stream().sorted(order).toList();
    }

    private static int depth(LangSmithRun run, Map<String, LangSmithRun> byId) {
        int depth = 0;
        LangSmithRun current = run;
        while (current.parentRunId() != null && byId.containsKey(current.parentRunId()) && depth < byId.size()) {
            current = byId.get(current.parentRunId());
            depth++;
        }
        return depth;
    }
}
