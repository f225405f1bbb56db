package dev.trajectory.capture;

/**
 * What a run keeps of its model and tool calls.
 *
 * @param content            whether message text, tool arguments and tool results are kept; without it only the
 *                           structure (roles, tool names and call ids), usage and timings are
 * @param maxSteps           model calls kept as steps per run; later ones are counted, not kept
 * @param maxMessagesPerStep messages kept per step, the most recent ones; older ones are counted, not kept
 * @param maxContentLength   characters kept of one text; the rest is cut and counted
 */
public record CaptureSettings(boolean content, int maxSteps, int maxMessagesPerStep, int maxContentLength) {

    /** Steps kept per run by default. */
    public static final int DEFAULT_MAX_STEPS = 100;

    /** Messages kept per step by default. */
    public static final int DEFAULT_MAX_MESSAGES_PER_STEP = 200;

    /** Characters kept of one text by default. */
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 32_000;

    public CaptureSettings {
        requirePositive("maxSteps", maxSteps);
        requirePositive("maxMessagesPerStep", maxMessagesPerStep);
        requirePositive("maxContentLength", maxContentLength);
    }

    /** Content kept, default limits. */
    public static CaptureSettings defaults() {
        return new CaptureSettings(true, DEFAULT_MAX_STEPS, DEFAULT_MAX_MESSAGES_PER_STEP, DEFAULT_MAX_CONTENT_LENGTH);
    }

    /** The same limits with content kept or dropped. */
    public CaptureSettings withContent(boolean content) {
        return new CaptureSettings(content, maxSteps, maxMessagesPerStep, maxContentLength);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0 but was " + value);
        }
    }
}
