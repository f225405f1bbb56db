/** Actuator support: the read-only {@code trajectory} endpoint and the health indicator. */
@NullMarked
package dev.trajectory.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
