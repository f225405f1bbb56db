package dev.trajectory.spool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolRecordTest {

    @TempDir
    Path dir;

    private static final byte[] JSON = "{\"event_id\":\"e-1\",\"event_type\":\"a.b\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] withoutNewline(byte[] line) {
        return Arrays.copyOf(line, line.length - 1);
    }

    @Test
    void aRecordReadsBackAsTheEventIdAndJsonWritten() {
        byte[] line = SpoolRecord.encode("e-1", JSON);

        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        assertThat(SpoolRecord.decode(withoutNewline(line))).isEqualTo(new SpoolRecord("e-1", JSON));
    }

    @Test
    void everySingleFlippedByteIsDetectedByTheChecksum() {
        byte[] line = withoutNewline(SpoolRecord.encode("e-1", JSON));
        for (int i = 0; i < line.length; i++) {
            byte[] damaged = line.clone();
            damaged[i] ^= 0x04;
            assertThat(SpoolRecord.decode(damaged)).as("flipped byte %d", i).isNull();
        }
    }

    @Test
    void aTruncatedRecordIsDetected() {
        byte[] line = withoutNewline(SpoolRecord.encode("e-1", JSON));

        assertThat(SpoolRecord.decode(Arrays.copyOf(line, line.length - 3))).isNull();
        assertThat(SpoolRecord.decode(Arrays.copyOf(line, 5))).isNull();
    }

    @Test
    void jsonWithARawNewlineIsRefusedRatherThanWrittenAsTwoBrokenLines() {
        assertThatThrownBy(() -> SpoolRecord.encode("e-1", "{\n}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpoolRecord.encode("e 1", JSON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLineReaderReportsATornLastLineAndAnOverlongLineAsDamagedAndGoesOn() throws Exception {
        Path file = dir.resolve("lines");
        Files.write(file, "first\n".concat("x".repeat(50)).concat("\nthird\ntorn").getBytes(StandardCharsets.UTF_8));

        try (LineReader reader = new LineReader(file, 0, 20)) {
            assertThat(new String(reader.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("first");
            assertThat(reader.next().complete()).as("longer than the limit").isFalse();
            LineReader.Line third = reader.next();
            assertThat(third.complete()).isTrue();
            assertThat(new String(third.bytes(), StandardCharsets.UTF_8)).isEqualTo("third");
            long afterThird = reader.offset();
            assertThat(reader.next().complete()).as("no newline at the end").isFalse();
            assertThat(reader.next()).isNull();
            try (LineReader resumed = new LineReader(file, afterThird, 20)) {
                assertThat(resumed.next().complete()).isFalse();
            }
        }
    }
}
