/** The JSON mapper settings every part of the SDK shares. */
@NullMarked
package dev.trajectory.json;

import org.jspecify.annotations.NullMarked;
