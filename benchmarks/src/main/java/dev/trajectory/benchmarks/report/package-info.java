/** Turns benchmark results into docs/benchmarks.md. */
@NullMarked
package dev.trajectory.benchmarks.report;

import org.jspecify.annotations.NullMarked;
