package dev.trajectory.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class SampleApplicationTests {

    @TempDir
    Path localDir;

    @Test
    void withNoBackendTheConversationIsWrittenToTheLocalFolder() throws IOException {
        try (ConfigurableApplicationContext ignored = SpringApplication.run(SampleApplication.class,
                "--trajectory.local.dir=" + localDir)) {
            List<String> lines = readAllEventLines();
            assertThat(lines).hasSize(4);
            assertThat(lines).extracting(line -> line.replaceAll(".*\"event_type\":\"([^\"]+)\".*", "$1"))
                    .containsExactly("user.message", "tool.call", "agent.decision", "user.accept");
            assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"user_id\":\"u-42\""));
        }
    }

    private List<String> readAllEventLines() throws IOException {
        try (Stream<Path> files = Files.list(localDir)) {
            return files.flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        }
    }
}
