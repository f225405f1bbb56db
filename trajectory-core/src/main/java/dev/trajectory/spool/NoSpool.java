package dev.trajectory.spool;

import java.util.List;

import dev.trajectory.event.TelemetryEvent;

/** The spool of a client that has none, or whose folder cannot be used. */
final class NoSpool implements EventSpool {

    static final NoSpool INSTANCE = new NoSpool(SpoolHealth.off());

    private final SpoolHealth health;

    NoSpool(SpoolHealth health) {
        this.health = health;
    }

    @Override
    public void accepted(TelemetryEvent event) {
    }

    @Override
    public int keep(List<TelemetryEvent> events) {
        return 0;
    }

    @Override
    public void resolved(List<TelemetryEvent> events) {
    }

    @Override
    public boolean keepsEvents() {
        return false;
    }

    @Override
    public SpoolHealth health() {
        return health;
    }

    @Override
    public void close() {
    }
}
