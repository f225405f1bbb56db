package dev.trajectory.langsmith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The parquet files of a bulk export: the source itself when it is a file, else every {@code *.parquet} file under
 * the directory, in path order. Files of other resources than runs ({@code resource=feedback/…} in the newer layout)
 * are left out.
 */
final class ExportFiles {

    private ExportFiles() {
    }

    static List<Path> find(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("bulk import source " + source + " is neither a file nor a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))
                    .filter(file -> holdsRuns(source.relativize(file)))
                    .sorted()
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not list the bulk export under " + source, ex);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .parquet files of runs under " + source);
        }
        return files;
    }

    private static boolean holdsRuns(Path relative) {
        for (Path segment : relative) {
            String name = segment.toString();
            if (name.startsWith("resource=") && !name.equals("resource=runs")) {
                return false;
            }
        }
        return true;
    }
}
