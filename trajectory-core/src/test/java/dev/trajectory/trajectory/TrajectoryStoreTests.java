package dev.trajectory.trajectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryStoreTests {

    private final TrajectoryStore store = new TrajectoryStore(TrajectoryJson.mapper());

    @TempDir
    Path directory;

    @Test
    void savedTrajectoriesLoadBackEqual() {
        List<Trajectory> trajectories = List.of(Trajectories.full("conv-a"), Trajectories.full("conv-b"));

        List<Path> files = store.save(trajectories, directory);

        assertThat(files).containsExactly(directory.resolve("conv-a.json"), directory.resolve("conv-b.json"));
        assertThat(store.load(directory)).isEqualTo(trajectories);
    }

    @Test
    void savingAgainReplacesTheFileByRenameSoAnOpenReaderKeepsTheWholeOldVersion() throws IOException {
        store.save(List.of(Trajectories.full("conv-a")), directory);
        Path file = directory.resolve("conv-a.json");
        byte[] before = Files.readAllBytes(file);

        try (InputStream oldVersion = Files.newInputStream(file)) {
            Trajectory changed = Trajectories.full("conv-a").withSteps(List.of());
            store.save(List.of(changed), directory);

            // An in-place rewrite would truncate the file under the open stream; a rename leaves it whole.
            assertThat(oldVersion.readAllBytes()).isEqualTo(before);
            assertThat(store.load(directory)).containsExactly(changed);
        }
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void fileNamesAreMadeSafeFromTheConversationId() {
        Trajectory trajectory = Trajectories.full("../etc/passwd");

        List<Path> files = store.save(List.of(trajectory), directory);

        assertThat(files).containsExactly(directory.resolve("_._etc_passwd.json"));
    }

    @Test
    void loadIgnoresLeftoverTemporaryFilesAndNamesAFileThatIsNotATrajectory() throws IOException {
        store.save(List.of(Trajectories.full("conv-a")), directory);
        Files.writeString(directory.resolve(".conv-b.json123.tmp"), "{half", StandardCharsets.UTF_8);

        assertThat(store.load(directory)).hasSize(1);

        Files.writeString(directory.resolve("broken.json"), "[1,2", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.load(directory)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("broken.json");
    }
}
