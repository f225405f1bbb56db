/** JMH benchmarks of tracking, encoding and end-to-end delivery, side by side with peer SDKs. */
@NullMarked
package dev.trajectory.benchmarks;

import org.jspecify.annotations.NullMarked;
