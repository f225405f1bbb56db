package dev.trajectory.langsmith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trajectory.trajectory.ExecutionMetrics;
import dev.trajectory.trajectory.Message;
import dev.trajectory.trajectory.MetricsCalculator;
import dev.trajectory.trajectory.Role;
import dev.trajectory.trajectory.Step;
import dev.trajectory.trajectory.Task;
import dev.trajectory.trajectory.Telemetry;
import dev.trajectory.trajectory.TerminationReason;
import dev.trajectory.trajectory.TrainableStatus;
import dev.trajectory.trajectory.Trajectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the runs of LangSmith conversations into trajectories: one step per LLM run, in execution order, holding
 * the conversation up to and including the model's answer; tool runs become tool responses. A run that cannot be
 * read is skipped and named in {@code telemetry.data.skipped}; a conversation with no readable LLM run gets
 * {@code error}. Nothing here throws for bad data.
 */
public final class ConversationTransformer {

    /** The {@code data_source} and telemetry source of imported trajectories. */
    public static final String SOURCE = "langsmith";

    private static final Logger logger = LoggerFactory.getLogger(ConversationTransformer.class);

    private final JsonMapper mapper;

    private final LlmRunReader llmRuns;

    private final ToolRunReader toolRuns;

    public ConversationTransformer(JsonMapper mapper) {
        MessageParser parser = new MessageParser(mapper);
        this.mapper = mapper;
        this.llmRuns = new LlmRunReader(parser);
        this.toolRuns = new ToolRunReader(parser);
    }

    /**
     * Groups raw runs (API JSON or export rows) into conversations by thread, falling back to the trace, and
     * transforms each; conversations are ordered by their first run's start.
     */
    public List<Trajectory> transformAll(List<JsonNode> rawRuns) {
        Map<String, List<LangSmithRun>> conversations = new LinkedHashMap<>();
        Map<String, String> conversationOfTrace = new LinkedHashMap<>();
        List<LangSmithRun> runs = rawRuns.stream().map(raw -> LangSmithRun.from(raw, mapper)).toList();
        for (LangSmithRun run : runs) {
            if (run.isRoot() && run.conversationKey() != null && run.traceId() != null) {
                conversationOfTrace.put(run.traceId(), run.conversationKey());
            }
        }
        for (LangSmithRun run : runs) {
            String key = run.conversationKey();
            if (key == null && run.traceId() != null) {
                key = conversationOfTrace.getOrDefault(run.traceId(), run.traceId());
            }
            conversations.computeIfAbsent(key == null ? run.id() : key, k -> new ArrayList<>()).add(run);
        }
        return conversations.entrySet().stream()
                .sorted(Comparator.comparing(entry -> firstStart(entry.getValue())))
                .map(entry -> transform(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** One conversation's runs, in any order, as a trajectory. */
    public Trajectory transform(String conversationId, List<LangSmithRun> runs) {
        try {
            return build(conversationId, RunOrder.sort(runs));
        }
        catch (RuntimeException unexpected) {
            logger.warn("Could not transform LangSmith conversation {}: {}", conversationId, unexpected.toString());
            return failed(conversationId, "could not transform the conversation: " + unexpected);
        }
    }

    /** A trajectory for a conversation that could not be imported, with its stable id and the reason. */
    public static Trajectory failed(String conversationId, String error) {
        Task task = new Task(stableId(conversationId), SOURCE, conversationId, null, null, null, null);
        return Trajectory.failed(task, error, new Telemetry(SOURCE, Map.of()));
    }

    /** The trajectory id of a conversation: the same on every import, different for every conversation. */
    public static String stableId(String conversationId) {
        return UUID.nameUUIDFromBytes((SOURCE + ":" + conversationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Trajectory build(String conversationId, List<LangSmithRun> runs) {
        ConversationAssembler assembler = new ConversationAssembler(mapper);
        List<Step> steps = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Duration llmTime = Duration.ZERO;
        Duration toolTime = Duration.ZERO;
        long tokens = 0;
        double llmCost = 0;
        boolean llmCostKnown = false;
        for (LangSmithRun run : runs) {
            try {
                if ("llm".equals(run.runType())) {
                    LlmCall call = llmRuns.read(run);
                    assembler.addInputs(call.inputs());
                    assembler.addOutput(call.output());
                    steps.add(new Step(assembler.messages(), null, stepInfo(run), TrainableStatus.TRAINABLE));
                    llmTime = llmTime.plus(run.duration());
                    tokens += run.totalTokens() != null ? run.totalTokens()
                            : call.output().usage().getOrDefault("total_tokens", 0L);
                    if (run.totalCost() != null) {
                        llmCost += run.totalCost();
                        llmCostKnown = true;
                    }
                }
                else if ("tool".equals(run.runType())) {
                    assembler.addToolResult(toolRuns.read(run));
                    toolTime = toolTime.plus(run.duration());
                }
            }
            catch (MalformedRunException ex) {
                skipped.add(ex.getMessage() + "; step skipped");
            }
        }
        List<LangSmithRun> roots = runs.stream().filter(LangSmithRun::isRoot).toList();
        if (!skipped.isEmpty()) {
            logger.warn("LangSmith conversation {}: skipped {} run(s): {}", conversationId, skipped.size(),
                    String.join(" | ", skipped));
        }
        List<Message> messages = assembler.messages();
        Task task = new Task(stableId(conversationId), SOURCE, conversationId, roots.size(), steps.size(), tokens,
                llmCostKnown ? Double.valueOf(llmCost) : rootCost(roots));
        ExecutionMetrics execution = new ExecutionMetrics(ExecutionMetrics.seconds(toolTime),
                ExecutionMetrics.seconds(llmTime), ExecutionMetrics.seconds(totalTime(roots)),
                termination(roots, messages, steps));
        Telemetry telemetry = new Telemetry(SOURCE, telemetryData(runs, roots, skipped));
        String error = steps.isEmpty() ? noStepsError(runs, skipped) : null;
        return new Trajectory(task, steps, null, MetricsCalculator.metrics(messages, steps.size(), null), execution,
                null, telemetry, null, error);
    }

    private static String noStepsError(List<LangSmithRun> runs, List<String> skipped) {
        if (runs.isEmpty()) {
            return "no runs found for this conversation";
        }
        if (skipped.isEmpty()) {
            return "the conversation has no LLM runs (" + runs.size() + " runs of other types)";
        }
        return "no LLM run could be read: " + String.join(" | ", skipped);
    }

    private static Map<String, @Nullable Object> stepInfo(LangSmithRun run) {
        Map<String, @Nullable Object> info = new LinkedHashMap<>();
        info.put("run_id", run.id());
        info.put("run_name", run.name());
        info.put("trace_id", run.traceId());
        info.put("start_time", run.startTime() == null ? null : run.startTime().toString());
        info.put("end_time", run.endTime() == null ? null : run.endTime().toString());
        String model = MessageParser.firstText(run.metadata(), "ls_model_name");
        if (model != null) {
            info.put("model", model);
        }
        return info;
    }

    private static Map<String, @Nullable Object> telemetryData(List<LangSmithRun> runs, List<LangSmithRun> roots,
            List<String> skipped) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("trace_ids", roots.stream().map(LangSmithRun::traceId).toList());
        data.put("root_run_names", roots.stream().map(LangSmithRun::name).distinct().toList());
        data.put("run_count", runs.size());
        List<String> rootErrors = roots.stream().filter(root -> root.error() != null)
                .map(root -> root.label() + ": " + LlmRunReader.firstLine(root.error())).toList();
        if (!rootErrors.isEmpty()) {
            data.put("errors", rootErrors);
        }
        if (!skipped.isEmpty()) {
            data.put("skipped", skipped);
        }
        return data;
    }

    private static @Nullable Double rootCost(List<LangSmithRun> roots) {
        return roots.stream().anyMatch(root -> root.totalCost() != null)
                ? roots.stream().mapToDouble(root -> root.totalCost() == null ? 0 : root.totalCost()).sum()
                : null;
    }

    /** Turns' durations added up; the idle time between turns of a thread is not the agent's. */
    private static Duration totalTime(List<LangSmithRun> roots) {
        return roots.stream().map(LangSmithRun::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private static TerminationReason termination(List<LangSmithRun> roots, List<Message> messages, List<Step> steps) {
        if (!roots.isEmpty() && roots.get(roots.size() - 1).error() != null) {
            return TerminationReason.ERROR;
        }
        if (steps.isEmpty()) {
            return TerminationReason.NONE;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.role() == Role.ASSISTANT) {
                String finish = message.finishReason();
                return "length".equals(finish) || "max_tokens".equals(finish) ? TerminationReason.TRUNCATION
                        : TerminationReason.ENV_DONE;
            }
        }
        return TerminationReason.ENV_DONE;
    }

    private static Instant firstStart(List<LangSmithRun> runs) {
        return runs.stream().map(LangSmithRun::startTime).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(Instant.MAX);
    }
}
