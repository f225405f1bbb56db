/** A loopback HTTP server that answers each SDK's ingest protocol and counts what arrives. */
@NullMarked
package dev.trajectory.benchmarks.sink;

import org.jspecify.annotations.NullMarked;
