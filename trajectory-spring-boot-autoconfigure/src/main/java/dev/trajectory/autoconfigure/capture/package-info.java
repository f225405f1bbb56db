/**
 * Capture of model and tool calls into the current agent run: the framework-neutral
 * {@link dev.trajectory.capture.RunCapture} every framework adapter records through.
 */
@NullMarked
package dev.trajectory.autoconfigure.capture;

import org.jspecify.annotations.NullMarked;
