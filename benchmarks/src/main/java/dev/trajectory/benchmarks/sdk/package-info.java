/** The SDKs under test behind one small interface, each pointed at the loopback sink. */
@NullMarked
package dev.trajectory.benchmarks.sdk;

import org.jspecify.annotations.NullMarked;
