/**
 * Capture of model and tool calls into the current agent run, independent of the AI framework that made them: each
 * model call becomes a trajectory step with the messages the model saw and its answer, each tool execution a tool
 * message, and at the end of the run {@link dev.trajectory.capture.CapturedTrajectories} builds the run's
 * trajectory with its metrics. Framework adapters (Spring AI, LangChain4j) translate their calls and hand them to
 * {@link dev.trajectory.capture.RunCapture}.
 */
@NullMarked
package dev.trajectory.capture;

import org.jspecify.annotations.NullMarked;
