/**
 * Capture of LangChain4j chat-model and tool calls into the current agent run: a {@code ChatModelListener} for
 * model calls (streamed ones arrive complete) and an AI-service hook for tool executions.
 */
@NullMarked
package dev.trajectory.autoconfigure.capture.langchain4j;

import org.jspecify.annotations.NullMarked;
