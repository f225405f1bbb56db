/** Local mode: events written as JSON lines to a folder when no backend is configured. */
@NullMarked
package dev.trajectory.local;

import org.jspecify.annotations.NullMarked;
