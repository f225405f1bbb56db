package dev.trajectory.signals;

/** How {@code recordMetric} records a value. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM
}
