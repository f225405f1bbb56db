/**
 * The local console: a read-only page, served by the application itself, showing the agent runs and events local
 * mode recorded.
 */
@NullMarked
package dev.trajectory.autoconfigure.console;

import org.jspecify.annotations.NullMarked;
