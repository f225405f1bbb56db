/** Heap held per queued event, compared with the event's JSON size. */
@NullMarked
package dev.trajectory.benchmarks.memory;

import org.jspecify.annotations.NullMarked;
