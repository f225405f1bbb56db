/** Telemetry events: the record, its ids, validation and its JSON form. */
@NullMarked
package dev.trajectory.event;

import org.jspecify.annotations.NullMarked;
