/**
 * The {@code spring-ai} profile: a support agent that asks a real OpenAI-compatible model through Spring AI, used
 * only when {@code spring.ai.openai.api-key} is set. Trajectory captures its model and tool calls with no code here.
 */
@NullMarked
package dev.trajectory.sample.springai;

import org.jspecify.annotations.NullMarked;
