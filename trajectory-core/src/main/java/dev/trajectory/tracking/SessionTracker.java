package dev.trajectory.tracking;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.trajectory.event.EventIds;
import org.jspecify.annotations.Nullable;

/**
 * Gives each user a generated session id that rotates after a period of inactivity. Remembers at most a fixed
 * number of users, forgetting the least recently active first, so memory stays bounded however many users come.
 * The lock guards only map operations, never I/O; the user seen last is answered without it, since a run of
 * events from one user is the common case and every {@code track()} call asks.
 */
public final class SessionTracker {

    private final long timeoutMillis;

    private final ReentrantLock lock = new ReentrantLock();

    private final LinkedHashMap<String, Session> sessions;

    private volatile @Nullable Session lastSeen;

    public SessionTracker(Duration timeout, int maxUsers) {
        this.timeoutMillis = timeout.toMillis();
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > maxUsers;
            }
        };
    }

    /**
     * The user's current session id at {@code now} (epoch milliseconds), starting a new one when the last activity
     * is older than the timeout. {@code track()} passes the event's own timestamp, so a call reads the clock once.
     */
    public String sessionFor(String userKey, long now) {
        Session recent = lastSeen;
        if (recent != null && recent.userKey.equals(userKey) && !recent.expiredAt(now, timeoutMillis)) {
            recent.touch(now);
            return recent.id;
        }
        lock.lock();
        try {
            Session session = sessions.get(userKey);
            if (session == null || session.expiredAt(now, timeoutMillis)) {
                session = new Session(userKey, EventIds.newEventId());
                sessions.put(userKey, session);
            }
            session.touch(now);
            lastSeen = session;
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

        private final String userKey;

        private final String id;

        private volatile long lastSeenMillis;

        Session(String userKey, String id) {
            this.userKey = userKey;
            this.id = id;
        }

        boolean expiredAt(long nowMillis, long timeoutMillis) {
            return nowMillis - lastSeenMillis >= timeoutMillis;
        }

        void touch(long nowMillis) {
            if (lastSeenMillis < nowMillis) {
                lastSeenMillis = nowMillis;
            }
        }
    }
}
