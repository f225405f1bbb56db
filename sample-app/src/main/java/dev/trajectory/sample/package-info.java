/** A runnable application showing what the starter records. */
@NullMarked
package dev.trajectory.sample;

import org.jspecify.annotations.NullMarked;
