package dev.trajectory.langsmith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import dev.trajectory.json.TrajectoryJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes runs as a LangSmith bulk export writes them: parquet with {@code inputs}, {@code outputs} and
 * {@code extra} as JSON strings, timestamps as parquet timestamps, costs as decimals, in the export's
 * hive-partitioned layout.
 */
final class ExportFixtures {

    static final String EXPORT_ID = "0b7c3a52-0000-4000-8000-0000000000e1";

    static final String TENANT_ID = "0b7c3a52-0000-4000-8000-0000000000a1";

    static final String SESSION_ID = "0b7c3a52-0000-4000-8000-0000000000b1";

    private static final JsonMapper mapper = TrajectoryJson.mapper();

    private static final String COLUMNS = "{id: 'VARCHAR', trace_id: 'VARCHAR', parent_run_id: 'VARCHAR',"
            + " run_type: 'VARCHAR', name: 'VARCHAR', start_time: 'TIMESTAMP', end_time: 'TIMESTAMP',"
            + " dotted_order: 'VARCHAR', thread_id: 'VARCHAR', inputs: 'VARCHAR', outputs: 'VARCHAR',"
            + " extra: 'VARCHAR', error: 'VARCHAR', prompt_tokens: 'BIGINT', completion_tokens: 'BIGINT',"
            + " total_tokens: 'BIGINT', total_cost: 'DECIMAL(18,8)'}";

    private ExportFixtures() {
    }

    /** {@code root/export_id=…/tenant_id=…/session_id=…/runs/year=…/month=…/day=…/}. */
    static Path dayPartition(Path root, int year, int month, int day) {
        return root.resolve("export_id=" + EXPORT_ID).resolve("tenant_id=" + TENANT_ID)
                .resolve("session_id=" + SESSION_ID).resolve("runs").resolve("year=" + year)
                .resolve("month=" + month).resolve("day=" + day);
    }

    /** Writes the runs to {@code file} with the codec ({@code ZSTD}, {@code GZIP}, {@code SNAPPY}). */
    static Path write(List<JsonNode> runs, Path file, String codec) {
        try {
            Files.createDirectories(file.getParent());
            Path rows = Files.createTempFile("runs", ".ndjson");
            Files.writeString(rows, runs.stream().map(ExportFixtures::exportRow).collect(Collectors.joining("\n")),
                    StandardCharsets.UTF_8);
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT *, '" + SESSION_ID + "' AS session_id, '[]' AS tags FROM read_json('"
                        + rows + "', format = 'newline_delimited', columns = " + COLUMNS + ")) TO '" + file
                        + "' (FORMAT PARQUET, COMPRESSION " + codec + ")");
            }
            finally {
                Files.delete(rows);
            }
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The compression codecs of the file's column chunks, as its footer records them. */
    static List<String> codecs(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('"
                        + file + "')")) {
            List<String> codecs = new java.util.ArrayList<>();
            while (result.next()) {
                codecs.add(result.getString(1));
            }
            return codecs;
        }
    }

    /** The run with its JSON fields as strings, as the export has them (a string that is not JSON stays as is). */
    private static String exportRow(JsonNode run) {
        ObjectNode row = (ObjectNode) run.deepCopy();
        for (String field : List.of("inputs", "outputs", "extra")) {
            JsonNode value = row.path(field);
            if (value.isContainer()) {
                row.put(field, mapper.writeValueAsString(value));
            }
        }
        return mapper.writeValueAsString(row);
    }
}
