/** Trajectories: the immutable model of an agent conversation as ordered decision points, and its files. */
@NullMarked
package dev.trajectory.trajectory;

import org.jspecify.annotations.NullMarked;
