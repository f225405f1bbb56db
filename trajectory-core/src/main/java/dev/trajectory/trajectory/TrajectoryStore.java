package dev.trajectory.trajectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves trajectories as one JSON file each, {@code {dir}/{conversation_id}.json}, and reads them back. A file is
 * written to a temporary file in the same folder and then renamed over the target, so a reader never sees half a file
 * and a crash leaves the previous version in place.
 */
public final class TrajectoryStore {

    private static final Logger logger = LoggerFactory.getLogger(TrajectoryStore.class);

    private static final String SUFFIX = ".json";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final JsonMapper mapper;

    public TrajectoryStore(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Writes each trajectory to its file, replacing an earlier version.
     *
     * @return the files written, in the order of the trajectories
     * @throws UncheckedIOException when a file cannot be written; files written before it stay
     */
    public List<Path> save(List<Trajectory> trajectories, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>(trajectories.size());
            for (int i = 0; i < trajectories.size(); i++) {
                Trajectory trajectory = trajectories.get(i);
                Path target = directory.resolve(fileName(trajectory, i));
                writeAtomically(target, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(trajectory));
                written.add(target);
            }
            logger.debug("Saved {} trajectories under {}", written.size(), directory);
            return written;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not save trajectories under " + directory + ": " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * Reads every {@code *.json} file of the folder, in file-name order.
     *
     * @throws UncheckedIOException when the folder cannot be read or a file is not a trajectory; the message names it
     */
    public List<Trajectory> load(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not list trajectories in " + directory + ": " + ex.getMessage(), ex);
        }
        List<Trajectory> trajectories = new ArrayList<>(files.size());
        for (Path file : files) {
            trajectories.add(read(file));
        }
        return trajectories;
    }

    private Trajectory read(Path file) {
        try {
            return mapper.readValue(Files.readAllBytes(file), Trajectory.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read " + file + ": " + ex.getMessage(), ex);
        }
        catch (JacksonException ex) {
            throw new UncheckedIOException(file + " is not a trajectory: " + ex.getOriginalMessage(),
                    new IOException(ex));
        }
    }

    /** {@code {conversation_id}.json}, else the task id, else the position; unsafe characters become {@code _}. */
    static String fileName(Trajectory trajectory, int position) {
        Task task = trajectory.task();
        String name = task.conversationId() != null ? task.conversationId()
                : task.id() != null ? task.id() : "trajectory-" + position;
        String safe = UNSAFE.matcher(name).replaceAll("_");
        return (safe.startsWith(".") ? "_" + safe.substring(1) : safe) + SUFFIX;
    }

    /**
     * Writes the bytes to a temporary file beside the target and renames it over the target, so a reader sees the
     * old content or the new, never a part.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }
}
