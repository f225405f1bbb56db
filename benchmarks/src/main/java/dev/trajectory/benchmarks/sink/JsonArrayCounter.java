package dev.trajectory.benchmarks.sink;

import java.io.IOException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/** Counts the elements of one named array at the top level of a JSON object, skipping everything else. */
final class JsonArrayCounter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String arrayName;

    JsonArrayCounter(String arrayName) {
        this.arrayName = arrayName;
    }

    long count(byte[] json) throws IOException {
        long count = 0;
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (arrayName.equals(name) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        count++;
                    }
                }
                else {
                    parser.skipChildren();
                }
            }
        }
        return count;
    }
}
