package dev.trajectory.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.trajectory.json.TrajectoryJson;
import org.junit.jupiter.api.Test;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** String values, long and short, plain and needing escapes, come back from the JSON exactly as they went in. */
class EventJsonWriterTextTest {

    private static final String PLAIN = "the agent called the search tool and got 12 results back; ".repeat(20);

    private static TelemetryEvent eventWith(Map<String, Object> properties) {
        return TelemetryEvent.builder("agent.run_completed", "s-1").properties(properties).build();
    }

    @Test
    void longAndShortTextOfEveryKindRoundTrips() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("plain", PLAIN);
        properties.put("short", "pro-3");
        properties.put("quoted", PLAIN + "she said \"stop\" and left");
        properties.put("backslash", "C:\\agents\\run-42\\output " + PLAIN);
        properties.put("control", PLAIN + "line one\nline two\ttabbed\u0001");
        properties.put("latin", PLAIN + "café crème, naïve résumé");
        properties.put("emoji", PLAIN + "done 🚀 with 中文 text");
        properties.put("delete", PLAIN + "\u007f");
        properties.put("loneSurrogate", PLAIN + "half a pair \uD83D here? yes");

        byte[] json = new EventJsonWriter(TrajectoryJson.mapper()).write(eventWith(properties));

        JsonNode written = TrajectoryJson.mapper().readTree(json).get("properties");
        properties.forEach((name, value) -> assertThat(written.get(name).asString()).as(name).isEqualTo(value));
    }

    @Test
    void longTextIsWrittenExactlyAsTheMapperItselfWritesItWhateverItsOutputSettings() throws Exception {
        String[] texts = {PLAIN, PLAIN + "path/to/file", PLAIN + "café crème, naïve résumé",
            PLAIN + "done 🚀 with 中文 text?", "中文".repeat(40), PLAIN + "she said \"stop\"\n",
            PLAIN + "half a pair \uD83D here? yes"};
        Map<String, JsonMapper> mappers = Map.of("default", TrajectoryJson.mapper(),
                "ESCAPE_NON_ASCII", JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build(),
                "ESCAPE_FORWARD_SLASHES", JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build(),
                "no COMBINE_UNICODE_SURROGATES_IN_UTF8",
                JsonMapper.builder().disable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build());
        for (Map.Entry<String, JsonMapper> setting : mappers.entrySet()) {
            JsonMapper mapper = setting.getValue();
            for (String text : texts) {
                byte[] json = new EventJsonWriter(mapper).write(eventWith(Map.of("text", text)));

                String raw = new String(json, StandardCharsets.UTF_8);
                String expected = new String(mapper.writeValueAsBytes(text), StandardCharsets.UTF_8);
                assertThat(raw).as("…%s with %s", text.substring(text.length() - 24), setting.getKey())
                        .contains("\"text\":" + expected);
            }
        }
    }

    @Test
    void aMapperWithItsOwnEscapesStillEscapesLongPlainText() throws Exception {
        JsonMapper htmlSafe = JsonMapper.builder(JsonFactory.builder().characterEscapes(new EscapeAngleBrackets())
                .build()).build();
        String text = PLAIN + "<script>";

        byte[] json = new EventJsonWriter(htmlSafe).write(eventWith(Map.of("text", text)));

        String raw = new String(json, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
        assertThat(htmlSafe.readTree(json).get("properties").get("text").asString()).isEqualTo(text);
    }

    /** Escapes {@code <} and {@code >} as Unicode escapes, as HTML-safe JSON output does. */
    private static final class EscapeAngleBrackets extends CharacterEscapes {

        private final int[] escapes = standardAsciiEscapesForJSON();

        EscapeAngleBrackets() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
