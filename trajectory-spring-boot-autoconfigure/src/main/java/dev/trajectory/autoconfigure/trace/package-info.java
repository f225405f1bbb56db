/** Auto-configuration of agent runs: the {@code @TraceAgentRun} aspect and context propagation. */
@NullMarked
package dev.trajectory.autoconfigure.trace;

import org.jspecify.annotations.NullMarked;
