package dev.trajectory.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trajectory.trace.TraceContext;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.TrainableStatus;
import org.jspecify.annotations.Nullable;

/**
 * The model and tool calls captured in one run, kept with its {@link TraceContext}. Bounded: past the settings'
 * limits steps and tool runs are counted instead of kept. Thread-safe; nothing here does I/O.
 */
public final class CapturedSteps {

    /** Tool runs kept per run; later ones are counted, not kept. */
    static final int MAX_TOOL_RUNS = 1000;

    private final CaptureSettings settings;

    private final List<Step> steps = new ArrayList<>();

    private final Map<String, ToolRun> toolRuns = new LinkedHashMap<>();

    private int modelCalls;

    private int inFlight;

    private int droppedSteps;

    private int droppedMessages;

    private int droppedToolRuns;

    private int truncatedTexts;

    private Duration llmTime = Duration.ZERO;

    private Duration toolTime = Duration.ZERO;

    private long inputTokens;

    private long outputTokens;

    private long totalTokens;

    CapturedSteps(CaptureSettings settings) {
        this.settings = settings;
    }

    /** The steps captured in the run, if any model call was. */
    public static @Nullable CapturedSteps of(TraceContext trace) {
        return trace.attachment(CapturedSteps.class);
    }

    static CapturedSteps in(TraceContext trace, CaptureSettings settings) {
        return trace.attachment(CapturedSteps.class, () -> new CapturedSteps(settings));
    }

    /**
     * Adds a model call as a step: its input (the most recent messages within the limit) and its answer.
     *
     * @return the step's index, or -1 when the run already holds the most steps it may
     */
    synchronized int addStep(List<Message> input, Message output, Map<String, @Nullable Object> info,
            Duration latency) {
        modelCalls++;
        llmTime = llmTime.plus(latency);
        inputTokens += output.usage().getOrDefault("input_tokens", 0L);
        outputTokens += output.usage().getOrDefault("output_tokens", 0L);
        totalTokens += output.usage().getOrDefault("total_tokens", 0L);
        if (steps.size() >= settings.maxSteps()) {
            droppedSteps++;
            return -1;
        }
        List<Message> messages = new ArrayList<>(input.size() + 1);
        int keep = settings.maxMessagesPerStep() - 1;
        int skip = Math.max(0, input.size() - keep);
        droppedMessages += skip;
        messages.addAll(input.subList(skip, input.size()));
        messages.add(output);
        steps.add(new Step(messages, null, info, TrainableStatus.TRAINABLE));
        return steps.size() - 1;
    }

    /**
     * Records a tool execution; a second one for the same call id is ignored.
     *
     * @return whether it was recorded
     */
    synchronized boolean addToolRun(ToolRun run) {
        String key = run.id() != null ? run.id() : "#" + toolRuns.size();
        if (toolRuns.containsKey(key)) {
            return false;
        }
        toolTime = toolTime.plus(run.duration());
        if (toolRuns.size() >= MAX_TOOL_RUNS) {
            droppedToolRuns++;
            return true;
        }
        toolRuns.put(key, run);
        return true;
    }

    /** A model call of the run has started; it settles when recorded as a step or a failure. */
    synchronized void callStarted() {
        inFlight++;
    }

    synchronized void callSettled() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** Whether a model call that started in the run has not been recorded yet, such as a stream still closing. */
    public synchronized boolean hasCallsInFlight() {
        return inFlight > 0;
    }

    synchronized void addTruncated(int texts) {
        truncatedTexts += texts;
    }

    synchronized @Nullable ToolRun toolRun(String id) {
        return toolRuns.get(id);
    }

    synchronized boolean hasToolRun(String id) {
        return toolRuns.containsKey(id);
    }

    /** Whether any model call was captured. */
    public synchronized boolean isEmpty() {
        return modelCalls == 0;
    }

    synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    synchronized List<ToolRun> toolRuns() {
        return List.copyOf(toolRuns.values());
    }

    synchronized Duration llmTime() {
        return llmTime;
    }

    synchronized Duration toolTime() {
        return toolTime;
    }

    /** Token counts added over every model call, kept or not. */
    synchronized Map<String, Long> usage() {
        Map<String, Long> usage = new LinkedHashMap<>();
        usage.put("input_tokens", inputTokens);
        usage.put("output_tokens", outputTokens);
        usage.put("total_tokens", totalTokens > 0 ? totalTokens : inputTokens + outputTokens);
        return usage;
    }

    /** What was counted instead of kept, and how many model calls there were; only non-zero counts. */
    synchronized Map<String, @Nullable Object> counts() {
        Map<String, @Nullable Object> counts = new LinkedHashMap<>();
        counts.put("model_calls", modelCalls);
        putIfPositive(counts, "dropped_steps", droppedSteps);
        putIfPositive(counts, "dropped_messages", droppedMessages);
        putIfPositive(counts, "dropped_tool_runs", droppedToolRuns);
        putIfPositive(counts, "truncated_texts", truncatedTexts);
        return counts;
    }

    private static void putIfPositive(Map<String, @Nullable Object> counts, String key, int value) {
        if (value > 0) {
            counts.put(key, value);
        }
    }
}
