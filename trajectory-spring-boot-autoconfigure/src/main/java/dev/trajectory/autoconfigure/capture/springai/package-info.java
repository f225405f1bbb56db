/**
 * Capture of Spring AI chat-model and tool calls into the current agent run, through Spring AI's Micrometer
 * observations: they carry the full prompt, the response (aggregated when streamed) and each tool execution.
 */
@NullMarked
package dev.trajectory.autoconfigure.capture.springai;

import org.jspecify.annotations.NullMarked;
