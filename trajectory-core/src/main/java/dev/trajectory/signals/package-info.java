/**
 * Metrics, logs and spans recorded the Spring way: metrics through Micrometer's {@code MeterRegistry}, spans
 * through the Observation API, logs through SLF4J, each also recorded in the current agent run where it fits.
 */
@NullMarked
package dev.trajectory.signals;

import org.jspecify.annotations.NullMarked;
