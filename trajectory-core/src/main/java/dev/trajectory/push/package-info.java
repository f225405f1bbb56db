/** Chunked, retried, idempotent delivery of events to the ingest API. */
@NullMarked
package dev.trajectory.push;

import org.jspecify.annotations.NullMarked;
