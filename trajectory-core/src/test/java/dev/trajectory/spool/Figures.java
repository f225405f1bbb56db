package dev.trajectory.spool;

/**
 * The outcome of a reliability run, printed in the test output and kept in docs/reliability.md.
 *
 * @param accepted   events {@code track()} accepted
 * @param delivered  distinct event ids the backend holds
 * @param duplicates events that arrived more than once and were coalesced by event_id
 * @param lost       accepted events the backend does not hold
 */
record Figures(String scenario, long accepted, long delivered, long duplicates, long lost) {

    static Figures of(String scenario, long accepted, IngestBackend backend, long lost) {
        long delivered = backend.distinctIds().size();
        return new Figures(scenario, accepted, delivered, backend.arrivals() - delivered, lost);
    }

    Figures print() {
        System.out.printf("[reliability] %-44s accepted=%d delivered=%d duplicates coalesced=%d lost=%d%n", scenario,
                accepted, delivered, duplicates, lost);
        return this;
    }
}
