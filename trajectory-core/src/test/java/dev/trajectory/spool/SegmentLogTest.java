package dev.trajectory.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentLogTest {

    @TempDir
    Path dir;

    private final AtomicLong evicted = new AtomicLong();

    private static byte[] record(int n) {
        String id = String.format("e-%03d", n);
        return SpoolRecord.encode(id, ("{\"event_id\":\"" + id + "\",\"pad\":\"" + "x".repeat(80) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private SegmentLog open(long maxBytes, long segmentBytes) throws IOException {
        return SegmentLog.open(dir, maxBytes, segmentBytes, evicted::addAndGet);
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SegmentLog.SUFFIX)).sorted().toList();
        }
    }

    @Test
    void aFullSpoolEvictsTheOldestSegmentsCountsTheirRecordsAndStaysWithinItsSize() throws IOException {
        int recordBytes = record(0).length;
        try (SegmentLog log = open(recordBytes * 20L, recordBytes * 5L)) {
            for (int n = 0; n < 50; n++) {
                log.append(List.of(record(n)), false);
            }

            assertThat(log.bytes()).isLessThanOrEqualTo(recordBytes * 20L);
            assertThat(evicted.get() + log.records()).isEqualTo(50);
            assertThat(evicted.get()).isEqualTo(30);
            String oldestKept = Files.readAllLines(segmentFiles().get(0)).get(0);
            assertThat(SpoolRecord.decode(oldestKept.getBytes(StandardCharsets.UTF_8)).eventId()).isEqualTo("e-030");
        }
    }

    @Test
    void aReplayOrDeliveryThatEndsAfterCloseLeavesTheSegmentsToTheNextRun() throws IOException {
        int recordBytes = record(0).length;
        SegmentLog log = open(recordBytes * 100L, recordBytes * 2L);
        log.append(List.of(record(0), record(1)), false);
        Segment writtenAhead = log.append(List.of(record(2)), true);
        Segment claimed = log.claimForReplay();
        assertThat(claimed).isNotNull().isNotSameAs(writtenAhead);
        log.close();

        log.replayed(claimed);
        log.resolveLive(writtenAhead, false);

        assertThat(segmentFiles()).hasSize(2);
        try (SegmentLog next = open(recordBytes * 100L, recordBytes * 2L)) {
            assertThat(next.records()).isEqualTo(3);
        }
    }

    @Test
    void writtenAheadRecordsAreDeletedOnceDeliveredAndReplayedOnlyWhenTheirDeliveryFailed() throws IOException {
        int recordBytes = record(0).length;
        try (SegmentLog log = open(recordBytes * 100L, recordBytes * 2L)) {
            List<Segment> holders = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                holders.add(log.append(List.of(record(n)), true));
            }
            assertThat(log.claimForReplay()).as("nothing failed").isNull();

            assertThat(holders.get(0)).isSameAs(holders.get(1));
            log.resolveLive(holders.get(0), false);
            log.resolveLive(holders.get(1), false);
            assertThat(log.records()).as("the first segment went once both were delivered").isEqualTo(2);

            log.resolveLive(holders.get(2), true);
            assertThat(log.claimForReplay()).as("one record still on its way").isNull();
            log.resolveLive(holders.get(3), false);
            Segment toReplay = log.claimForReplay();
            assertThat(toReplay).isSameAs(holders.get(2));
            log.replayed(toReplay);
            assertThat(log.records()).isZero();
            assertThat(segmentFiles()).isEmpty();
        }
    }

    @Test
    void segmentsLeftByAnEarlierRunAreReplayedOldestFirstAndNewSegmentsFollowThem() throws IOException {
        try (SegmentLog first = open(1 << 20, 1 << 10)) {
            for (int n = 0; n < 30; n++) {
                first.append(List.of(record(n)), false);
            }
        }
        try (SegmentLog second = open(1 << 20, 1 << 10)) {
            assertThat(second.records()).isEqualTo(30);
            Segment oldest = second.claimForReplay();
            assertThat(oldest.path).isEqualTo(segmentFiles().get(0));
            List<Path> earlier = segmentFiles();
            Segment appended = second.append(List.of(record(99)), false);
            assertThat(appended.path.getFileName().toString())
                    .isGreaterThan(earlier.get(earlier.size() - 1).getFileName().toString());
        }
    }

    @Test
    void aSecondClientCannotOpenAFolderInUse() throws IOException {
        try (SegmentLog first = open(1 << 20, 1 << 10)) {
            assertThatThrownBy(() -> open(1 << 20, 1 << 10)).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
        open(1 << 20, 1 << 10).close();
    }
}
