package dev.trajectory.benchmarks.sdk;

import java.util.Map;

/** One SDK under test, already pointed at the loopback sink: the call an application makes to record an event. */
public interface TrackedSdk extends AutoCloseable {

    /** Records one event the way an application would with this SDK. */
    void track(String userId, String eventType, Map<String, Object> properties);

    /** Asks the SDK to send what it holds now; some SDKs return before the requests finish. */
    void flush();

    /** Flushes and stops the SDK's threads. */
    @Override
    void close();
}
