/**
 * Agent runs: the {@link dev.trajectory.trace.TraceContext} events of one run are recorded in, how it becomes
 * current and crosses threads, and the lifecycle of an {@link dev.trajectory.trace.TraceAgentRun} run.
 */
@NullMarked
package dev.trajectory.trace;

import org.jspecify.annotations.NullMarked;
