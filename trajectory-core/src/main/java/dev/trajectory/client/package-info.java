/** The application-facing entry points, {@link dev.trajectory.client.TelemetryClient} and {@link dev.trajectory.client.TrajectoryClient}. */
@NullMarked
package dev.trajectory.client;

import org.jspecify.annotations.NullMarked;
