package dev.trajectory.autoconfigure.console;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.trajectory.event.EventJsonWriter;
import dev.trajectory.event.EventValidator;
import dev.trajectory.event.TelemetryEvent;
import dev.trajectory.local.LocalTraceStore;
import dev.trajectory.local.StoredTrace;
import dev.trajectory.push.PushSettings;
import dev.trajectory.trajectory.ExecutionMetrics;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the console shows, read from local mode's folder: the runs stored in {@code traces/} and the events tracked
 * with their trace ids. Read-only. A run's summary is computed once per stored version and cached; the cache never
 * outgrows the store, which keeps a bounded number of runs.
 */
public final class ConsoleRuns {

    /** Most events shown on a run's page. */
    static final int MAX_EVENTS = 500;

    private static final int PREVIEW_CHARS = 120;

    private final LocalTraceStore store;

    private final TracedEvents tracked;

    private final Map<String, Cached> summaries = new ConcurrentHashMap<>();

    /**
     * @param localDirectory local mode's folder ({@code trajectory.local.dir})
     * @param tracesDirectory where local mode stores agent runs
     * @param mapper         reads the stored JSON
     */
    public ConsoleRuns(Path localDirectory, Path tracesDirectory, JsonMapper mapper) {
        this(new LocalTraceStore(tracesDirectory,
                new EventValidator(new EventJsonWriter(mapper), PushSettings.DEFAULT_MAX_EVENT_BYTES), mapper,
                LocalTraceStore.DEFAULT_MAX_TRACES), new TracedEvents(localDirectory, mapper, TracedEvents.Limits.defaults()));
    }

    ConsoleRuns(LocalTraceStore store, TracedEvents tracked) {
        this.store = store;
        this.tracked = tracked;
    }

    /** The newest runs whose trace id, session or user contains the query (all when blank), newest first. */
    public List<RunSummary> recent(@Nullable String query, int limit) {
        List<LocalTraceStore.SavedRun> saved = store.saved();
        Set<String> ids = saved.stream().map(LocalTraceStore.SavedRun::traceId).collect(Collectors.toSet());
        summaries.keySet().retainAll(ids);
        List<RunSummary> found = new ArrayList<>();
        for (LocalTraceStore.SavedRun run : saved) {
            if (found.size() >= limit) {
                break;
            }
            summary(run).filter(summary -> summary.matches(query)).ifPresent(found::add);
        }
        return found;
    }

    /** The run with this trace id: its summary, timeline, correlated events and trajectory. */
    public Optional<RunDetail> find(String traceId) {
        return store.find(traceId).map(stored -> {
            List<TimelineEntry> timeline = Timeline.of(stored.trajectory());
            return new RunDetail(summarize(stored, timeline), timeline, correlatedEvents(stored), stored.trajectory());
        });
    }

    private Optional<RunSummary> summary(LocalTraceStore.SavedRun run) {
        Cached cached = summaries.get(run.traceId());
        if (cached != null && cached.savedAt().equals(run.savedAt())) {
            return Optional.of(cached.summary());
        }
        return store.find(run.traceId()).map(stored -> {
            RunSummary summary = summarize(stored, Timeline.of(stored.trajectory()));
            summaries.put(stored.traceId(), new Cached(stored.savedAt(), summary));
            return summary;
        });
    }

    /** The run's own events and the events tracked with its trace id, each once, oldest first. */
    private List<TelemetryEvent> correlatedEvents(StoredTrace stored) {
        Map<String, TelemetryEvent> byId = new LinkedHashMap<>();
        stored.events().forEach(event -> byId.putIfAbsent(event.eventId(), event));
        tracked.forTrace(stored.traceId()).forEach(event -> byId.putIfAbsent(event.eventId(), event));
        return byId.values().stream()
                .sorted(Comparator.comparing(TelemetryEvent::timestamp))
                .limit(MAX_EVENTS)
                .toList();
    }

    static RunSummary summarize(StoredTrace stored, List<TimelineEntry> timeline) {
        TelemetryEvent start = outermost(stored.events(), "agent.run.start");
        TelemetryEvent end = outermost(stored.events(), "agent.run.end");
        @Nullable Trajectory trajectory = stored.trajectory();
        String session = start != null ? start.sessionId()
                : trajectory != null ? trajectory.task().conversationId() : null;
        Long tokens = trajectory != null && trajectory.task().totalTokens() != null ? trajectory.task().totalTokens()
                : Timeline.tokens(timeline);
        int toolCalls = (int) timeline.stream().filter(entry -> entry.kind().equals("tool")).count();
        int toolErrors = (int) timeline.stream().filter(TimelineEntry::failed).count();
        return new RunSummary(stored.traceId(), start != null ? text(start.properties().get("run_name")) : null,
                session, start != null ? start.userId() : null, start != null ? start.timestamp() : stored.savedAt(),
                status(end, trajectory), duration(end, trajectory), tokens,
                trajectory != null ? trajectory.steps().size() : 0, toolCalls, toolErrors, preview(timeline));
    }

    private static @Nullable TelemetryEvent outermost(List<TelemetryEvent> events, String type) {
        return events.stream()
                .filter(event -> event.eventType().equals(type) && !Boolean.TRUE.equals(event.properties().get("nested")))
                .findFirst().orElse(null);
    }

    private static String status(@Nullable TelemetryEvent end, @Nullable Trajectory trajectory) {
        String outcome = end != null ? text(end.properties().get("outcome")) : null;
        if (outcome != null) {
            return outcome;
        }
        ExecutionMetrics metrics = trajectory != null ? trajectory.executionMetrics() : null;
        TerminationReason reason = metrics != null ? metrics.terminationReason() : null;
        if (reason == null) {
            return "unknown";
        }
        return reason == TerminationReason.ERROR ? "error" : reason == TerminationReason.ENV_DONE ? "success" : "unknown";
    }

    private static @Nullable Long duration(@Nullable TelemetryEvent end, @Nullable Trajectory trajectory) {
        if (end != null && end.properties().get("duration_ms") instanceof Number millis) {
            return millis.longValue();
        }
        ExecutionMetrics metrics = trajectory != null ? trajectory.executionMetrics() : null;
        return metrics != null && metrics.totalTime() != null ? Math.round(metrics.totalTime() * 1000) : null;
    }

    private static @Nullable String preview(List<TimelineEntry> timeline) {
        return timeline.stream()
                .filter(entry -> entry.kind().equals("user") && entry.content() != null)
                .map(entry -> entry.content().length() > PREVIEW_CHARS
                        ? entry.content().substring(0, PREVIEW_CHARS) + "…" : entry.content())
                .findFirst().orElse(null);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value != null ? value.toString() : null;
    }

    private record Cached(Instant savedAt, RunSummary summary) {
    }
}
