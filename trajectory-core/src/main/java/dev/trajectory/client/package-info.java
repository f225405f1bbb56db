/** The application-facing entry point, {@link dev.trajectory.client.TelemetryClient}. */
@NullMarked
package dev.trajectory.client;

import org.jspecify.annotations.NullMarked;
