/** Non-blocking tracking: the bounded queue, the background worker, sessions, identity, opt-out and self-metrics. */
@NullMarked
package dev.trajectory.tracking;

import org.jspecify.annotations.NullMarked;
