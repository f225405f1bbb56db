/** Auto-configuration of the client's metrics, logs, spans, trace upload and status collaborators. */
@NullMarked
package dev.trajectory.autoconfigure.signals;

import org.jspecify.annotations.NullMarked;
