/**
 * The disk spool: segment files of checksummed records holding events that could not be delivered yet (or, in
 * write-ahead mode, every accepted event), their group-committed writer, the background replayer and the spool's
 * health and metrics. See {@code docs/reliability.md}.
 */
@NullMarked
package dev.trajectory.spool;

import org.jspecify.annotations.NullMarked;
