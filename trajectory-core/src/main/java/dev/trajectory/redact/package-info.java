/** Transforms applied to trajectories after they are built, such as PII redaction. */
@NullMarked
package dev.trajectory.redact;

import org.jspecify.annotations.NullMarked;
