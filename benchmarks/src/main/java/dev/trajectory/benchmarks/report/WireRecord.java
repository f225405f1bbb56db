package dev.trajectory.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of the sink's CSV log (see {@code ResultLog}). */
record WireRecord(String benchmark, String sdk, String shape, long calls, long events, long requests,
        long bodyBytes) {

    static List<WireRecord> read(Path file) throws IOException {
        List<WireRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(",");
            if (cells.length == 7) {
                records.add(new WireRecord(cells[0], cells[1], cells[2], Long.parseLong(cells[3]),
                        Long.parseLong(cells[4]), Long.parseLong(cells[5]), Long.parseLong(cells[6])));
            }
        }
        return records;
    }
}
