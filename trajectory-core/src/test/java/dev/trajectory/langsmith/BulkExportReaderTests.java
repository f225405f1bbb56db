package dev.trajectory.langsmith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.trajectory.client.TrajectoryClient;
import dev.trajectory.json.TrajectoryJson;
import dev.trajectory.redact.PiiRedactionTransform;
import dev.trajectory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkExportReaderTests {

    private final JsonMapper mapper = TrajectoryJson.mapper();

    private final ConversationTransformer transformer = new ConversationTransformer(mapper);

    @TempDir
    Path export;

    @Test
    void aZstdExportInTheHivePartitionedLayoutGivesTheSameTrajectoriesAsTheLiveTransformation() throws Exception {
        List<JsonNode> langchain = Fixtures.runs("langchain-thread.json");
        List<JsonNode> openai = Fixtures.runs("openai-thread.json");
        Path first = ExportFixtures.write(langchain,
                ExportFixtures.dayPartition(export, 2026, 11, 20).resolve("part-0.parquet"), "ZSTD");
        ExportFixtures.write(openai, ExportFixtures.dayPartition(export, 2026, 11, 21).resolve("part-0.parquet"),
                "ZSTD");

        List<Trajectory> imported = importFiles(BulkImportRequest.fromFiles(export));

        assertThat(ExportFixtures.codecs(first)).containsOnly("ZSTD");
        List<JsonNode> all = new ArrayList<>(langchain);
        all.addAll(openai);
        assertThat(imported).isNotEmpty().isEqualTo(transformer.transformAll(all));
        assertThat(imported).allSatisfy(trajectory -> assertThat(trajectory.error()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = { "GZIP", "SNAPPY", "ZSTD" })
    void eachCompressionTheExportOffersIsRead(String codec) throws Exception {
        List<JsonNode> runs = Fixtures.runs("content-blocks-trace.json");
        Path file = ExportFixtures.write(runs, export.resolve("runs.parquet"), codec);

        List<Trajectory> imported = importFiles(BulkImportRequest.fromFiles(file));

        assertThat(ExportFixtures.codecs(file)).containsOnly(codec);
        assertThat(imported).isEqualTo(transformer.transformAll(runs));
    }

    @Test
    void theParquetReaderNeedsNoHadoopClasses() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.parquet.hadoop.ParquetFileReader"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void malformedRowsBecomeSkippedStepsOrTrajectoryErrorsAndNeverStopTheImport() {
        List<JsonNode> runs = Fixtures.runs("malformed-runs.json");
        ExportFixtures.write(runs, ExportFixtures.dayPartition(export, 2026, 11, 21).resolve("a.parquet"), "ZSTD");

        List<Trajectory> imported = importFiles(BulkImportRequest.fromFiles(export));

        assertThat(imported).hasSize(2).isEqualTo(transformer.transformAll(runs));
        @SuppressWarnings("unchecked")
        List<String> skipped = (List<String>) imported.get(0).telemetry().data().get("skipped");
        assertThat(skipped).anySatisfy(reason -> assertThat(reason).contains("inputs is a string that is not JSON"));
        assertThat(imported.get(1).error()).startsWith("no LLM run could be read");
    }

    @Test
    void sinceDropsEarlierTracesAndLimitKeepsTheEarliestConversations() {
        List<JsonNode> runs = new ArrayList<>(Fixtures.runs("langchain-thread.json"));
        runs.addAll(Fixtures.runs("openai-thread.json"));
        runs.addAll(Fixtures.runs("content-blocks-trace.json"));
        ExportFixtures.write(runs, export.resolve("runs.parquet"), "ZSTD");
        List<Trajectory> all = importFiles(BulkImportRequest.fromFiles(export));
        assertThat(all).hasSize(3);
        Instant secondStart = Instant.parse((String) all.get(1).steps().get(0).info().get("start_time"))
                .minusSeconds(1);

        List<Trajectory> fromSecond = importFiles(BulkImportRequest.fromFiles(export).withSince(secondStart));
        List<Trajectory> firstOnly = importFiles(BulkImportRequest.fromFiles(export).withLimit(1));

        assertThat(fromSecond).containsExactly(all.get(1), all.get(2));
        assertThat(firstOnly).containsExactly(all.get(0));
    }

    @Test
    void progressIsReportedAfterEveryConversation() {
        List<JsonNode> runs = new ArrayList<>(Fixtures.runs("openai-thread.json"));
        runs.addAll(Fixtures.runs("content-blocks-trace.json"));
        ExportFixtures.write(runs, export.resolve("runs.parquet"), "SNAPPY");
        List<String> progress = new ArrayList<>();

        importer()
                .importFiles(BulkImportRequest.fromFiles(export), (done, total) -> progress.add(done + "/" + total))
                .collectList().block();

        assertThat(progress).containsExactly("1/2", "2/2");
    }

    @Test
    void aFileThatIsNotParquetIsSkippedAndTheOthersAreImported() throws IOException {
        ExportFixtures.write(Fixtures.runs("openai-thread.json"),
                ExportFixtures.dayPartition(export, 2026, 11, 21).resolve("good.parquet"), "GZIP");
        Path broken = ExportFixtures.dayPartition(export, 2026, 11, 21).resolve("broken.parquet");
        Files.writeString(broken, "not a parquet file");

        try (BulkExportReader reader = BulkExportReader.open(export, BulkImportRequest.fromFiles(export), mapper)) {
            assertThat(reader.skippedFiles()).singleElement().asString().contains("broken.parquet");
            assertThat(reader.conversationCount()).isEqualTo(1);
            assertThat(reader.next().conversationId()).isEqualTo("conv-oa-1");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void conversationsReadInChunksOfOneComeOutWholeAndInOrder() {
        List<JsonNode> runs = new ArrayList<>(Fixtures.runs("langchain-thread.json"));
        runs.addAll(Fixtures.runs("openai-thread.json"));
        runs.addAll(Fixtures.runs("content-blocks-trace.json"));
        ExportFixtures.write(runs, export.resolve("runs.parquet"), "ZSTD");
        List<Trajectory> chunked = new ArrayList<>();

        try (BulkExportReader reader = BulkExportReader.open(export, BulkImportRequest.fromFiles(export), mapper, 1)) {
            for (BulkExportReader.ExportedConversation next = reader.next(); next != null; next = reader.next()) {
                chunked.add(transformer.transform(next.conversationId(), next.runs()));
            }
        }

        assertThat(chunked).hasSize(3).isEqualTo(transformer.transformAll(runs));
    }

    @Test
    void filesOfOtherResourcesThanRunsAreLeftOut() throws IOException {
        Path runs = ExportFixtures.write(Fixtures.runs("openai-thread.json"),
                export.resolve("resource=runs/day=21/runs.parquet"), "ZSTD");
        Files.createDirectories(export.resolve("resource=feedback"));
        Files.writeString(export.resolve("resource=feedback/feedback.parquet"), "feedback rows");

        assertThat(ExportFiles.find(export)).containsExactly(runs);
    }

    @Test
    void anExportWithNoReadableFileFailsNamingTheSourceAndTheReason() throws IOException {
        Files.writeString(export.resolve("only.parquet"), "garbage");

        assertThatThrownBy(() -> importFiles(BulkImportRequest.fromFiles(export)))
                .isInstanceOf(BulkImportException.class)
                .hasMessageContaining("none of the 1 parquet files under " + export)
                .hasMessageContaining("only.parquet");
        assertThatThrownBy(() -> importFiles(BulkImportRequest.fromFiles(export.resolve("missing"))))
                .hasMessageContaining("neither a file nor a directory");
    }

    @Test
    void withoutTheDuckDbDriverTheMessageNamesTheDependencyToAdd() {
        assertThatThrownBy(() -> BulkExportReader.loadDriver("org.duckdb.NotThere"))
                .isInstanceOf(BulkImportException.class)
                .hasMessageContaining("org.duckdb:duckdb_jdbc");
    }

    @Test
    void theReadersTemporaryDirectoryIsRemovedWhenTheImportIsCancelledEarly() throws IOException {
        List<JsonNode> runs = new ArrayList<>(Fixtures.runs("openai-thread.json"));
        runs.addAll(Fixtures.runs("content-blocks-trace.json"));
        ExportFixtures.write(runs, export.resolve("runs.parquet"), "ZSTD");
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = spillDirectories(temp);

        List<Trajectory> first = importer()
                .importFiles(BulkImportRequest.fromFiles(export), ImportProgress.none()).take(1).collectList().block();

        assertThat(first).hasSize(1);
        assertThat(spillDirectories(temp)).isEqualTo(before);
    }

    @Test
    void theClientsBulkImportAppliesTheConfiguredTransforms() {
        List<JsonNode> runs = Fixtures.runs("openai-thread.json");
        String leaked = "write to alice.smith@example.com";
        String withEmail = mapper.writeValueAsString(runs).replace("Where is order A-1001 and can I get a refund?", leaked);
        assertThat(withEmail).contains(leaked);
        ExportFixtures.write(List.copyOf(mapper.readTree(withEmail).values()), export.resolve("runs.parquet"), "ZSTD");
        TrajectoryClient client = TrajectoryClient.builder()
                .langSmith(LangSmithSettings.builder().environment(java.util.Map.of()).build())
                .transforms(List.of(new PiiRedactionTransform()))
                .build();

        BulkImportResult result = client.importBulk(BulkImportRequest.fromFiles(export), ImportProgress.none());

        assertThat(result.export()).isNull();
        assertThat(result.trajectories()).singleElement().satisfies(trajectory -> {
            String json = mapper.writeValueAsString(trajectory);
            assertThat(json).contains("write to ").doesNotContain("alice.smith@example.com");
        });
    }

    /** A bulk importer for files; its LangSmith connection is never used. */
    private BulkImporter importer() {
        LangSmithSettings settings = LangSmithSettings.builder().environment(java.util.Map.of()).build();
        return new BulkImporter(new BulkExportClient(new LangSmithClient(WebClient.builder(), settings, mapper), mapper),
                transformer, mapper);
    }

    private List<Trajectory> importFiles(BulkImportRequest request) {
        return importer().importFiles(request, ImportProgress.none()).collectList()
                .block();
    }

    private static List<Path> spillDirectories(Path temp) throws IOException {
        try (Stream<Path> list = Files.list(temp)) {
            return list.filter(path -> path.getFileName().toString().startsWith("trajectory-bulk-import-")).sorted()
                    .toList();
        }
    }
}
