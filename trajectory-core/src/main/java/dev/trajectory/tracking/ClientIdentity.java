package dev.trajectory.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.trajectory.event.EventIds;
import dev.trajectory.trajectory.TrajectoryStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the events are about: an anonymous client id that survives restarts (kept in a small file in the
 * configuration folder), the user set by {@code identify}, and the user ids seen so far (at most a fixed number,
 * the most recent), which a deletion request names.
 */
public final class ClientIdentity {

    private static final Logger logger = LoggerFactory.getLogger(ClientIdentity.class);

    static final String CLIENT_ID_FILE = "client-id";

    private static final int MAX_KNOWN_USERS = 1000;

    private final Path idFile;

    private final ReentrantLock lock = new ReentrantLock();

    private final LinkedHashSet<String> knownUsers = new LinkedHashSet<>();

    private volatile String clientId;

    private volatile @Nullable String identifiedUser;

    /** The user remembered last; most events come in runs from one user, which then skip the lock. */
    private volatile @Nullable String lastRemembered;

    public ClientIdentity(Path configDirectory) {
        this.idFile = configDirectory.resolve(CLIENT_ID_FILE);
        this.clientId = loadOrCreate();
    }

    /** The anonymous id of this installation. */
    public String clientId() {
        return clientId;
    }

    /** The user set by {@link #identify(String)}, if any. */
    public @Nullable String identifiedUser() {
        return identifiedUser;
    }

    /** Links later events without a user id to this user. */
    public void identify(String userId) {
        identifiedUser = userId;
        remember(userId);
    }

    /** Notes a user id seen on an event, for deletion requests. */
    public void remember(String userId) {
        if (userId.equals(lastRemembered)) {
            return;
        }
        lock.lock();
        try {
            knownUsers.remove(userId);
            knownUsers.add(userId);
            if (knownUsers.size() > MAX_KNOWN_USERS) {
                knownUsers.remove(knownUsers.iterator().next());
            }
            lastRemembered = userId;
        }
        finally {
            lock.unlock();
        }
    }

    /** The user ids seen, oldest first. */
    public List<String> knownUsers() {
        lock.lock();
        try {
            return List.copyOf(knownUsers);
        }
        finally {
            lock.unlock();
        }
    }

    /** Forgets the users and replaces the client id with a new one, deleting the stored id. */
    public void reset() {
        lock.lock();
        try {
            knownUsers.clear();
            identifiedUser = null;
            lastRemembered = null;
            try {
                Files.deleteIfExists(idFile);
            }
            catch (IOException ex) {
                logger.warn("Could not delete the Trajectory client id file {}: {}", idFile, ex.toString());
            }
            clientId = loadOrCreate();
        }
        finally {
            lock.unlock();
        }
    }

    private String loadOrCreate() {
        try {
            if (Files.isRegularFile(idFile)) {
                String stored = Files.readString(idFile, StandardCharsets.UTF_8).strip();
                if (stored.matches("[0-9a-f]{32}")) {
                    return stored;
                }
            }
            String created = EventIds.newEventId();
            Files.createDirectories(idFile.getParent());
            TrajectoryStore.writeAtomically(idFile, created.getBytes(StandardCharsets.UTF_8));
            return created;
        }
        catch (IOException | RuntimeException ex) {
            logger.warn("Could not keep a Trajectory client id in {} ({}); using one for this run only", idFile,
                    ex.toString());
            return EventIds.newEventId();
        }
    }
}
