package dev.trajectory.langsmith;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The SQL that turns export files into runs grouped by conversation. Columns the files lack are read as null; JSON
 * columns become strings whatever their parquet type; times become epoch microseconds (UTC) whatever their type.
 * A trace belongs to the conversation of its root run (thread id, else metadata session_id, thread_id or
 * conversation_id), else of any of its runs, else to itself.
 */
final class BulkExportQuery {

    static final List<String> TEXT_COLUMNS = List.of("id", "trace_id", "parent_run_id", "run_type", "name",
            "dotted_order", "thread_id", "error");

    static final List<String> JSON_COLUMNS = List.of("inputs", "outputs", "extra");

    static final List<String> TIME_COLUMNS = List.of("start_time", "end_time");

    static final List<String> COUNT_COLUMNS = List.of("prompt_tokens", "completion_tokens", "total_tokens");

    static final List<String> COST_COLUMNS = List.of("total_cost");

    private static final List<String> CONVERSATION_KEYS = List.of("session_id", "thread_id", "conversation_id");

    private final String files;

    private final Map<String, String> types;

    BulkExportQuery(List<Path> files, Map<String, String> types) {
        this.files = files.stream().map(file -> literal(file.toAbsolutePath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        this.types = types;
    }

    /** Every readable column of every file, types merged by name, for {@code DESCRIBE}. */
    static String allColumns(List<Path> files) {
        return "SELECT * FROM " + new BulkExportQuery(files, Map.of()).source();
    }

    String createRunsView() {
        StringBuilder select = new StringBuilder("SELECT ");
        TEXT_COLUMNS.forEach(column -> select.append(text(column)).append(", "));
        JSON_COLUMNS.forEach(column -> select.append(json(column)).append(", "));
        TIME_COLUMNS.forEach(column -> select.append(micros(column)).append(", "));
        COUNT_COLUMNS.forEach(column -> select.append(cast(column, "BIGINT")).append(", "));
        COST_COLUMNS.forEach(column -> select.append(cast(column, "DOUBLE")).append(", "));
        select.setLength(select.length() - 2);
        select.append(" FROM ").append(source());
        return "CREATE TEMP VIEW export_runs AS SELECT *, coalesce(trace_id, id) AS trace_key, "
                + conversationKey() + " AS conversation_key FROM (" + select + ")";
    }

    static String createTracesTable(@Nullable Instant since) {
        return "CREATE TEMP TABLE export_traces AS SELECT * FROM (SELECT trace_key, min(start_time_us) AS trace_start,"
                + " coalesce(min(conversation_key) FILTER (WHERE parent_run_id IS NULL), min(conversation_key),"
                + " trace_key) AS conversation_id FROM export_runs WHERE trace_key IS NOT NULL GROUP BY trace_key)"
                + (since == null ? "" : " WHERE trace_start >= " + ChronoUnit.MICROS.between(Instant.EPOCH, since));
    }

    /** The selected conversations, numbered in the order they started. */
    static String createConversationsTable(int limit) {
        return "CREATE TEMP TABLE export_conversations AS SELECT row_number() OVER (ORDER BY first_start NULLS LAST,"
                + " conversation_id) AS ordinal, conversation_id FROM (SELECT conversation_id, min(trace_start) AS"
                + " first_start FROM export_traces GROUP BY conversation_id ORDER BY first_start NULLS LAST,"
                + " conversation_id" + (limit > 0 ? " LIMIT " + limit : "") + ")";
    }

    /**
     * The selected runs with their conversation's ordinal, in a table of the reader's on-disk database: written as
     * read, without sorting, so the export never has to fit in memory.
     */
    static String createRowsTable() {
        return "CREATE TABLE export_rows AS SELECT c.ordinal, c.conversation_id, r.* FROM export_runs r"
                + " JOIN export_traces t ON r.trace_key = t.trace_key"
                + " JOIN export_conversations c ON c.conversation_id = t.conversation_id";
    }

    /**
     * Consecutive ranges of conversation ordinals whose JSON columns add up to about {@code budgetBytes} (a
     * conversation larger than that is a range of its own): {@code first, last} per row, in order.
     */
    static String chunks(long budgetBytes) {
        return "SELECT min(ordinal), max(ordinal) FROM (SELECT ordinal, (sum(bytes) OVER (ORDER BY ordinal) - bytes) // "
                + budgetBytes + " AS chunk FROM (SELECT ordinal, sum(coalesce(strlen(inputs), 0)"
                + " + coalesce(strlen(outputs), 0) + coalesce(strlen(extra), 0) + 256) AS bytes FROM export_rows"
                + " GROUP BY ordinal)) GROUP BY chunk ORDER BY chunk";
    }

    static String countConversations() {
        return "SELECT count(*) FROM export_conversations";
    }

    static String countRunsWithoutIds() {
        return "SELECT count(*) FROM export_runs WHERE trace_key IS NULL";
    }

    /** The runs of one range of conversations, each conversation's runs together, in conversation order. */
    static String rowsOfChunk(long first, long last) {
        return "SELECT * FROM export_rows WHERE ordinal BETWEEN " + first + " AND " + last + " ORDER BY ordinal";
    }

    private String source() {
        return "read_parquet(" + files + ", union_by_name = true, hive_partitioning = false)";
    }

    private @Nullable String type(String column) {
        return types.get(column);
    }

    private String text(String column) {
        return type(column) == null ? "NULL::VARCHAR AS " + column
                : "NULLIF(CAST(" + quoted(column) + " AS VARCHAR), '') AS " + column;
    }

    private String json(String column) {
        String type = type(column);
        if (type == null) {
            return "NULL::VARCHAR AS " + column;
        }
        String upper = type.toUpperCase(Locale.ROOT);
        boolean nested = upper.startsWith("STRUCT") || upper.startsWith("MAP") || upper.endsWith("]");
        return (nested ? "CAST(to_json(" + quoted(column) + ") AS VARCHAR)" : "CAST(" + quoted(column) + " AS VARCHAR)")
                + " AS " + column;
    }

    private String micros(String column) {
        String type = type(column);
        String alias = " AS " + column + "_us";
        if (type == null) {
            return "NULL::BIGINT" + alias;
        }
        return type.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP") ? "epoch_us(" + quoted(column) + ")" + alias
                : "epoch_us(TRY_CAST(" + quoted(column) + " AS TIMESTAMP))" + alias;
    }

    private String cast(String column, String sqlType) {
        return type(column) == null ? "NULL::" + sqlType + " AS " + column
                : "TRY_CAST(" + quoted(column) + " AS " + sqlType + ") AS " + column;
    }

    /** The run's own thread: its thread id, else a conversation key of its metadata, as the live import reads it. */
    private static String conversationKey() {
        StringBuilder key = new StringBuilder("coalesce(thread_id");
        for (String name : CONVERSATION_KEYS) {
            key.append(", CASE WHEN json_valid(extra) THEN NULLIF(trim(json_extract_string(extra, '$.metadata.")
                    .append(name).append("')), '') END");
        }
        return key.append(")").toString();
    }

    private static String quoted(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
