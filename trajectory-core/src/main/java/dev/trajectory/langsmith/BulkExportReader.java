package dev.trajectory.langsmith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the parquet files of a LangSmith bulk export, one conversation at a time, with DuckDB's embedded engine
 * (JDBC driver {@code org.duckdb:duckdb_jdbc}, an optional dependency): zstd, gzip and snappy, no Hadoop.
 * <p>
 * Memory is bounded: DuckDB copies the selected runs, unsorted, into a database file in a temporary directory
 * (removed on {@link #close()}), then reads them back a chunk of conversations at a time, each chunk's JSON about a
 * quarter of {@code memoryLimitMb}, sorted by conversation; this side holds one conversation's runs at a time. A file that is not readable parquet is skipped with a warning; a row that cannot be read becomes a run with a
 * problem, which the transformation turns into a skipped step. Not thread-safe.
 */
public final class BulkExportReader implements AutoCloseable {

    static final String DRIVER = "org.duckdb.DuckDBDriver";

    /** One chunk of conversations is sorted at a time, in at most this share of the memory limit. */
    private static final int CHUNK_SHARE = 4;

    private static final Logger logger = LoggerFactory.getLogger(BulkExportReader.class);

    private final Connection connection;

    private final Path spillDirectory;

    private final JsonMapper mapper;

    private final List<String> skippedFiles;

    private final int conversationCount;

    private final List<long[]> chunks;

    private int nextChunk;

    private @Nullable Statement statement;

    private @Nullable ResultSet rows;

    private boolean hasRow;

    private BulkExportReader(Connection connection, Path spillDirectory, JsonMapper mapper, List<String> skippedFiles,
            int conversationCount, List<long[]> chunks) {
        this.connection = connection;
        this.spillDirectory = spillDirectory;
        this.mapper = mapper;
        this.skippedFiles = skippedFiles;
        this.conversationCount = conversationCount;
        this.chunks = chunks;
    }

    /** Opens the export at {@code source} and selects the conversations to read ({@code since}, {@code limit}). */
    public static BulkExportReader open(Path source, BulkImportRequest request, JsonMapper mapper) {
        return open(source, request, mapper, request.memoryLimitMb() * 1024L * 1024L / CHUNK_SHARE);
    }

    /** As {@link #open(Path, BulkImportRequest, JsonMapper)}, sorting chunks of about {@code chunkBytes} of JSON. */
    static BulkExportReader open(Path source, BulkImportRequest request, JsonMapper mapper, long chunkBytes) {
        Driver driver = loadDriver(DRIVER);
        List<Path> files = ExportFiles.find(source);
        Path spill = createSpillDirectory();
        Connection connection = null;
        try {
            connection = connect(driver, spill, request.memoryLimitMb());
            List<String> skipped = new ArrayList<>();
            List<Path> readable = readableFiles(connection, files, skipped);
            if (readable.isEmpty()) {
                throw new BulkImportException("none of the " + files.size() + " parquet files under " + source
                        + " could be read: " + skipped.get(0));
            }
            BulkExportQuery query = new BulkExportQuery(readable, columnTypes(connection, readable));
            try (Statement statement = connection.createStatement()) {
                statement.execute(query.createRunsView());
                statement.execute(BulkExportQuery.createTracesTable(request.since()));
                statement.execute(BulkExportQuery.createConversationsTable(request.limit()));
                statement.execute(BulkExportQuery.createRowsTable());
                long withoutIds = count(statement, BulkExportQuery.countRunsWithoutIds());
                if (withoutIds > 0) {
                    logger.warn("Skipped {} run(s) of the bulk export under {} that have neither id nor trace_id",
                            withoutIds, source);
                }
                int conversations = (int) count(statement, BulkExportQuery.countConversations());
                logger.info("Bulk export under {}: {} parquet file(s), {} conversation(s) to import", source,
                        readable.size(), conversations);
                List<long[]> chunks = chunks(statement, chunkBytes);
                return new BulkExportReader(connection, spill, mapper, List.copyOf(skipped), conversations, chunks);
            }
        }
        catch (SQLException ex) {
            closeQuietly(connection);
            deleteQuietly(spill);
            throw new BulkImportException("could not read the bulk export under " + source + ": " + ex.getMessage(), ex);
        }
        catch (LinkageError ex) {
            closeQuietly(connection);
            deleteQuietly(spill);
            throw new BulkImportException("DuckDB's native library could not be loaded on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ": " + ex, ex);
        }
        catch (RuntimeException ex) {
            closeQuietly(connection);
            deleteQuietly(spill);
            throw ex;
        }
    }

    /** Conversations this reader will return. */
    public int conversationCount() {
        return conversationCount;
    }

    /** Files left out because they are not readable parquet, each with the reason. */
    public List<String> skippedFiles() {
        return skippedFiles;
    }

    /** The next conversation's runs, or {@code null} after the last one. */
    public @Nullable ExportedConversation next() {
        try {
            ResultSet current = rows();
            if (current == null) {
                return null;
            }
            String conversationId = current.getString("conversation_id");
            List<LangSmithRun> runs = new ArrayList<>();
            while (hasRow && conversationId.equals(current.getString("conversation_id"))) {
                runs.add(LangSmithRun.from(row(current), mapper));
                hasRow = current.next();
            }
            return new ExportedConversation(conversationId, runs);
        }
        catch (SQLException ex) {
            throw new BulkImportException("could not read the bulk export: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
        deleteQuietly(spillDirectory);
    }

    /** The rows positioned on the next conversation's first run, opening the next chunk's when one runs out. */
    private @Nullable ResultSet rows() throws SQLException {
        while (rows == null || !hasRow) {
            if (statement != null) {
                statement.close();
                statement = null;
                rows = null;
            }
            if (nextChunk == chunks.size()) {
                return null;
            }
            long[] chunk = chunks.get(nextChunk++);
            statement = connection.createStatement();
            rows = statement.executeQuery(BulkExportQuery.rowsOfChunk(chunk[0], chunk[1]));
            hasRow = rows.next();
        }
        return rows;
    }

    private static List<long[]> chunks(Statement statement, long budgetBytes) throws SQLException {
        List<long[]> chunks = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(BulkExportQuery.chunks(budgetBytes))) {
            while (result.next()) {
                chunks.add(new long[] { result.getLong(1), result.getLong(2) });
            }
        }
        return chunks;
    }

    /** The row as the live API would send the run, with inputs, outputs and extra still JSON strings. */
    private ObjectNode row(ResultSet row) throws SQLException {
        ObjectNode run = mapper.createObjectNode();
        for (String column : BulkExportQuery.TEXT_COLUMNS) {
            run.put(column, row.getString(column));
        }
        for (String column : BulkExportQuery.JSON_COLUMNS) {
            run.put(column, row.getString(column));
        }
        for (String column : BulkExportQuery.TIME_COLUMNS) {
            long micros = row.getLong(column + "_us");
            run.put(column, row.wasNull() ? null : instant(micros).toString());
        }
        for (String column : BulkExportQuery.COUNT_COLUMNS) {
            long count = row.getLong(column);
            if (!row.wasNull()) {
                run.put(column, count);
            }
        }
        for (String column : BulkExportQuery.COST_COLUMNS) {
            double cost = row.getDouble(column);
            if (!row.wasNull()) {
                run.put(column, cost);
            }
        }
        return run;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The driver, instantiated directly rather than through {@code DriverManager}, which may not see it. */
    static Driver loadDriver(String driverClass) {
        try {
            return (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
        }
        catch (ClassNotFoundException ex) {
            throw new BulkImportException("bulk import reads parquet with DuckDB's embedded engine, which is not on "
                    + "the classpath: add the dependency org.duckdb:duckdb_jdbc (see docs/trajectories.md)", ex);
        }
        catch (ReflectiveOperationException | LinkageError ex) {
            throw new BulkImportException("could not start DuckDB's JDBC driver " + driverClass + ": " + ex, ex);
        }
    }

    private static Connection connect(Driver driver, Path spill, int memoryLimitMb) throws SQLException {
        Properties properties = new Properties();
        // Rows are fetched as they are read, not materialised in the driver.
        properties.setProperty("jdbc_stream_results", "true");
        // Never reach for extensions over the network: parquet and json are built into the driver.
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        // A database file rather than memory: the selected runs are copied into it once, unsorted.
        Connection connection = driver.connect("jdbc:duckdb:" + spill.resolve("export.duckdb"), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + memoryLimitMb + "MB'");
            statement.execute("SET temp_directory = " + BulkExportQuery.literal(spill.toString()));
            statement.execute("SET preserve_insertion_order = false");
            statement.execute("SET TimeZone = 'UTC'");
        }
        return connection;
    }

    private static List<Path> readableFiles(Connection connection, List<Path> files, List<String> skipped) {
        List<Path> readable = new ArrayList<>();
        for (Path file : files) {
            try {
                columnTypes(connection, List.of(file));
                readable.add(file);
            }
            catch (SQLException ex) {
                String reason = file + ": " + firstLine(ex.getMessage());
                logger.warn("Skipping bulk export file that is not readable parquet: {}", reason);
                skipped.add(reason);
            }
        }
        return readable;
    }

    private static Map<String, String> columnTypes(Connection connection, List<Path> files) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("DESCRIBE " + BulkExportQuery.allColumns(files))) {
            while (columns.next()) {
                types.put(columns.getString("column_name").toLowerCase(Locale.ROOT), columns.getString("column_type"));
            }
        }
        return types;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Path createSpillDirectory() {
        try {
            return Files.createTempDirectory("trajectory-bulk-import-");
        }
        catch (IOException ex) {
            throw new BulkImportException("could not create a temporary directory for the bulk import", ex);
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException ex) {
            logger.debug("Could not close the bulk export reader", ex);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            logger.debug("Could not delete {}", directory, ex);
        }
    }

    /** One conversation of an export: its id and its runs, in no particular order. */
    public record ExportedConversation(String conversationId, List<LangSmithRun> runs) {
    }
}
