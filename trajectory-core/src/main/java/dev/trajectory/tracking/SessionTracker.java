package dev.trajectory.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.trajectory.event.EventIds;

/**
 * Gives each user a generated session id that rotates after a period of inactivity. Remembers at most a fixed
 * number of users, forgetting the least recently active first, so memory stays bounded however many users come.
 * The lock guards only map operations, never I/O.
 */
public final class SessionTracker {

    private final Duration timeout;

    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();

    private final LinkedHashMap<String, Session> sessions;

    public SessionTracker(Duration timeout, int maxUsers, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > maxUsers;
            }
        };
    }

    /** The user's current session id, starting a new one when the last activity is older than the timeout. */
    public String sessionFor(String userKey) {
        long now = clock.millis();
        lock.lock();
        try {
            Session session = sessions.get(userKey);
            if (session == null || now - session.lastSeenMillis >= timeout.toMillis()) {
                session = new Session(EventIds.newEventId());
                sessions.put(userKey, session);
            }
            session.lastSeenMillis = now;
            return session.id;
        }
        finally {
            lock.unlock();
        }
    }

    /** Number of users currently remembered. */
    public int size() {
        lock.lock();
        try {
            return sessions.size();
        }
        finally {
            lock.unlock();
        }
    }

    private static final class Session {

        private final String id;

        private long lastSeenMillis;

        Session(String id) {
            this.id = id;
        }
    }
}
