package dev.trajectory.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.trajectory.benchmarks.EventShape;
import dev.trajectory.benchmarks.sdk.Sdk;
import org.jspecify.annotations.Nullable;

/** Everything one run of {@code benchmarks/run.sh} wrote to its results folder, with lookups for the report. */
final class ResultSet {

    /** One line of the memory CSV. */
    record Memory(String shape, long events, double heapBytesPerEvent, double jsonBytesPerEvent) {
    }

    final List<JmhResult> jmh = new ArrayList<>();

    final List<WireRecord> wire;

    final List<Memory> memory = new ArrayList<>();

    final String machine;

    ResultSet(Path folder) throws IOException {
        jmh.addAll(JmhResult.read(folder.resolve("calls.json")));
        jmh.addAll(JmhResult.read(folder.resolve("e2e.json")));
        wire = WireRecord.read(folder.resolve("wire.csv"));
        Path memoryFile = folder.resolve("memory.csv");
        if (Files.exists(memoryFile)) {
            for (String line : Files.readAllLines(memoryFile)) {
                String[] cells = line.split(",");
                if (cells.length == 4 && !cells[0].equals("shape")) {
                    memory.add(new Memory(cells[0], Long.parseLong(cells[1]), Double.parseDouble(cells[2]),
                            Double.parseDouble(cells[3])));
                }
            }
        }
        Path machineFile = folder.resolve("machine.txt");
        machine = Files.exists(machineFile) ? Files.readString(machineFile).strip() : "(not recorded)";
    }

    Optional<JmhResult> find(String method, @Nullable Sdk sdk, EventShape shape) {
        return jmh.stream()
                .filter(result -> result.method().equals(method))
                .filter(result -> sdk == null || result.param("sdk").equals(sdk.name()))
                .filter(result -> result.param("shape").equals(shape.name()))
                .findFirst();
    }

    /** Sink counts of every trial or iteration of one benchmark, SDK and shape, added up. */
    Optional<WireRecord> wireTotal(String benchmark, Sdk sdk, EventShape shape) {
        return wire.stream()
                .filter(record -> record.benchmark().equals(benchmark) && record.sdk().equals(sdk.name())
                        && record.shape().equals(shape.name()))
                .reduce((a, b) -> new WireRecord(a.benchmark(), a.sdk(), a.shape(), a.calls() + b.calls(),
                        a.events() + b.events(), a.requests() + b.requests(), a.bodyBytes() + b.bodyBytes()));
    }
}
