/** Import of agent conversations recorded in LangSmith, over its HTTP API, as trajectories. */
@NullMarked
package dev.trajectory.langsmith;

import org.jspecify.annotations.NullMarked;
