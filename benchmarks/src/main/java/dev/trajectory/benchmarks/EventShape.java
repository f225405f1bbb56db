package dev.trajectory.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The two events every benchmark records: a small one with 3 properties and a large one with 50 (4 KiB of text). */
public enum EventShape {

    SMALL("chat.message_sent", 3),

    LARGE("agent.run_completed", 50);

    private static final int LARGE_TEXT_CHARS = 4096;

    /** Property names are constants in application code, so every event shares them. */
    private static final String[] LARGE_KEYS = java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> String.format("field_%02d", i))
            .toArray(String[]::new);

    private static final String[] WORDS = {"agent", "tool", "call", "retrieval", "answer", "context", "token",
            "prompt", "model", "latency", "user", "session", "plan", "search", "result", "memory"};

    private final String eventType;

    private final int propertyCount;

    EventShape(String eventType, int propertyCount) {
        this.eventType = eventType;
        this.propertyCount = propertyCount;
    }

    public String eventType() {
        return eventType;
    }

    /**
     * The event's properties: names shared by every event (as literals in code are), values made afresh;
     * {@code seed} varies the values.
     */
    public Map<String, Object> properties(long seed) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (this == SMALL) {
            properties.put("plan", "pro-" + seed % 10);
            properties.put("step", (int) (seed % 100));
            properties.put("model", "gpt-4o-mini");
            return Collections.unmodifiableMap(properties);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int charsEach = LARGE_TEXT_CHARS / propertyCount;
        for (int i = 0; i < propertyCount; i++) {
            properties.put(LARGE_KEYS[i], text(random, charsEach));
        }
        return Collections.unmodifiableMap(properties);
    }

    private static String text(SplittableRandom random, int chars) {
        StringBuilder text = new StringBuilder(chars + 16);
        while (text.length() < chars) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        text.setLength(chars);
        return text.toString();
    }
}
