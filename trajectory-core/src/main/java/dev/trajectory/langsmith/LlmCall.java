package dev.trajectory.langsmith;

import java.util.List;

import dev.trajectory.trajectory.Message;

/**
 * What one LLM run holds for a trajectory.
 *
 * @param inputs the messages the model was given
 * @param output the message it answered with, carrying usage, finish reason and the tools it was offered
 */
record LlmCall(List<Message> inputs, Message output) {
}
