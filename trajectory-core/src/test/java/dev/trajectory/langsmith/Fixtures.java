package dev.trajectory.langsmith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.trajectory.json.TrajectoryJson;
import tools.jackson.databind.JsonNode;

/** The LangSmith run fixtures under {@code src/test/resources/langsmith/}. */
final class Fixtures {

    private Fixtures() {
    }

    static List<JsonNode> runs(String name) {
        List<JsonNode> runs = new ArrayList<>();
        TrajectoryJson.mapper().readTree(text(name)).forEach(runs::add);
        return runs;
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/langsmith/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
