package dev.trajectory.event;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event as the JSON object the ingest API expects, checking every property value on the way: values
 * that JSON cannot hold faithfully (NaN, infinities, reference cycles, arbitrary objects) are refused with the path
 * of the offending value, rather than being turned into something the caller did not mean.
 * <p>
 * Supported values: {@code null}, strings, booleans, numbers, characters, enums (their name), UUIDs,
 * {@code java.time} values (ISO-8601), maps with string-like keys, iterables, arrays, {@link Optional} and Jackson
 * {@link JsonNode} trees. Thread-safe.
 */
public final class EventJsonWriter {

    private static final int MAX_DEPTH = 64;

    /** Long text takes the byte copy; short strings, most of them, stay on Jackson's own path. */
    private static final int RAW_COPY_MIN_CHARS = 32;

    private final JsonMapper mapper;

    /** Whether the mapper writes text as its UTF-8 bytes apart from JSON's own escapes; see {@link VerbatimText}. */
    private final boolean mapperKeepsText;

    /**
     * Whether it writes a surrogate pair as one UTF-8 sequence rather than two escapes. Escaping of all non-ASCII
     * characters is read from each generator instead ({@link JsonGenerator#getHighestNonEscapedChar()}).
     */
    private final boolean mapperKeepsPairs;

    public EventJsonWriter(JsonMapper mapper) {
        this.mapper = mapper;
        this.mapperKeepsText = !mapper.isEnabled(JsonWriteFeature.ESCAPE_FORWARD_SLASHES);
        this.mapperKeepsPairs = mapper.isEnabled(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    /** The event's JSON as UTF-8 bytes. */
    public byte[] write(TelemetryEvent event) throws InvalidEventException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            new ValueWriter(generator, mapperKeepsText, mapperKeepsPairs).writeEvent(event);
        }
        return out.toByteArray();
    }

    /**
     * Walks one event's values. The path to the current value is kept as a stack of names and indexes and only
     * turned into text for an error message; the containers on that path are kept to detect reference cycles.
     */
    private static final class ValueWriter {

        private final JsonGenerator generator;

        /** Path segments: a map key, or {@code null} where {@link #indexes} holds a list index. */
        private @Nullable String[] names = new String[8];

        private int[] indexes = new int[8];

        private Object[] openContainers = new Object[8];

        private int openCount;

        /** Whether long text may be copied as bytes at all; custom escapes (HTML-safe output, say) rule it out. */
        private final boolean copyAllowed;

        /** Whether the copy may hold non-ASCII characters. */
        private final boolean nonAsciiCopyAllowed;

        ValueWriter(JsonGenerator generator, boolean mapperKeepsText, boolean mapperKeepsPairs) {
            this.generator = generator;
            int highestNonEscaped = generator.getHighestNonEscapedChar();
            this.copyAllowed = mapperKeepsText && generator.getCharacterEscapes() == null
                    && (highestNonEscaped == 0 || highestNonEscaped >= 0x7F);
            this.nonAsciiCopyAllowed = copyAllowed && mapperKeepsPairs && highestNonEscaped == 0;
        }

        void writeEvent(TelemetryEvent event) throws InvalidEventException {
            generator.writeStartObject();
            generator.writeStringProperty("event_type", event.eventType());
            generator.writeStringProperty("session_id", event.sessionId());
            generator.writeName("properties");
            writeRootMap("properties", event.properties());
            generator.writeStringProperty("event_id", event.eventId());
            generator.writeStringProperty("timestamp", IsoInstant.format(event.timestamp()));
            writeOptionalString("user_id", event.userId());
            writeOptionalString("trajectory_id", event.trajectoryId());
            writeOptionalString("trace_id", event.traceId());
            generator.writeStringProperty("source", event.source());
            if (event.metadata() != null) {
                generator.writeName("metadata");
                writeRootMap("metadata", event.metadata());
            }
            generator.writeEndObject();
        }

        private void writeRootMap(String name, Map<?, ?> map) throws InvalidEventException {
            names[0] = name;
            writeMap(map, 1);
        }

        private void writeOptionalString(String name, @Nullable String value) {
            if (value != null) {
                generator.writeStringProperty(name, value);
            }
        }

        /**
         * Writes a string value. A long one that JSON keeps as it is is copied as its UTF-8 bytes: Jackson writes a
         * string char by char with an escape check on each, and that was half the serialisation of an event carrying
         * kilobytes of text.
         */
        private void writeText(String text) {
            byte @Nullable [] verbatim = text.length() >= RAW_COPY_MIN_CHARS && copyAllowed
                    ? VerbatimText.utf8Of(text, nonAsciiCopyAllowed) : null;
            if (verbatim != null) {
                generator.writeRawUTF8String(verbatim, 0, verbatim.length);
            }
            else {
                generator.writeString(text);
            }
        }

        /** Writes the value whose path is the first {@code depth} segments. */
        private void writeValue(@Nullable Object value, int depth) throws InvalidEventException {
            if (value == null) {
                generator.writeNull();
            }
            else if (value instanceof String text) {
                writeText(text);
            }
            else if (value instanceof Boolean bool) {
                generator.writeBoolean(bool);
            }
            else if (value instanceof Number number) {
                writeNumber(number, depth);
            }
            else if (value instanceof CharSequence || value instanceof Character || value instanceof UUID
                    || value instanceof TemporalAccessor || value instanceof TemporalAmount) {
                generator.writeString(value.toString());
            }
            else if (value instanceof Enum<?> constant) {
                generator.writeString(constant.name());
            }
            else if (value instanceof Map<?, ?> map) {
                writeMap(map, depth);
            }
            else if (value instanceof Iterable<?> iterable) {
                writeIterable(iterable, iterable, depth);
            }
            else if (value instanceof Object[] array) {
                writeIterable(array, Arrays.asList(array), depth);
            }
            else if (value instanceof Optional<?> optional) {
                writeValue(optional.orElse(null), depth);
            }
            else if (value instanceof JsonNode node) {
                generator.writeTree(node);
            }
            else if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
                writePrimitiveArray(value, depth);
            }
            else {
                throw new InvalidEventException(path(depth) + " has unsupported type " + value.getClass().getName()
                        + "; use strings, numbers, booleans, maps, lists, enums or java.time values");
            }
        }

        private void writeNumber(Number number, int depth) throws InvalidEventException {
            if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
                generator.writeNumber(number.intValue());
            }
            else if (number instanceof Long) {
                generator.writeNumber(number.longValue());
            }
            else if (number instanceof Double || number instanceof Float) {
                double value = number.doubleValue();
                if (Double.isNaN(value)) {
                    throw new InvalidEventException(path(depth) + " is NaN, which JSON cannot represent");
                }
                if (Double.isInfinite(value)) {
                    throw new InvalidEventException(path(depth) + " is infinite, which JSON cannot represent");
                }
                if (number instanceof Float) {
                    generator.writeNumber(number.floatValue());
                }
                else {
                    generator.writeNumber(value);
                }
            }
            else if (number instanceof BigDecimal decimal) {
                generator.writeNumber(decimal);
            }
            else if (number instanceof BigInteger integer) {
                generator.writeNumber(integer);
            }
            else {
                generator.writeNumber(number.toString());
            }
        }

        private void writeMap(Map<?, ?> map, int depth) throws InvalidEventException {
            enter(map, depth);
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = keyOf(entry.getKey(), depth);
                generator.writeName(key);
                names[depth] = key;
                writeValue(entry.getValue(), depth + 1);
            }
            generator.writeEndObject();
            openCount--;
        }

        private void writeIterable(Object container, Iterable<?> items, int depth) throws InvalidEventException {
            enter(container, depth);
            generator.writeStartArray();
            int index = 0;
            for (Object item : items) {
                names[depth] = null;
                indexes[depth] = index++;
                writeValue(item, depth + 1);
            }
            generator.writeEndArray();
            openCount--;
        }

        private void writePrimitiveArray(Object array, int depth) throws InvalidEventException {
            if (array instanceof byte[] bytes) {
                generator.writeBinary(bytes);
                return;
            }
            int length = Array.getLength(array);
            Object[] boxed = new Object[length];
            for (int i = 0; i < length; i++) {
                boxed[i] = Array.get(array, i);
            }
            writeIterable(array, Arrays.asList(boxed), depth);
        }

        private String keyOf(@Nullable Object key, int depth) throws InvalidEventException {
            if (key instanceof String text) {
                return text;
            }
            if (key instanceof CharSequence || key instanceof Number || key instanceof Enum<?>
                    || key instanceof UUID || key instanceof Boolean || key instanceof Character) {
                return key instanceof Enum<?> constant ? constant.name() : key.toString();
            }
            throw new InvalidEventException(path(depth) + " has a " + (key == null ? "null" : key.getClass().getName())
                    + " key; map keys must be strings");
        }

        /** Notes a container being entered at the given depth, refusing one already open (a cycle). */
        private void enter(Object container, int depth) throws InvalidEventException {
            if (depth > MAX_DEPTH) {
                throw new InvalidEventException(path(depth) + " is nested deeper than " + MAX_DEPTH + " levels");
            }
            for (int i = 0; i < openCount; i++) {
                if (openContainers[i] == container) {
                    throw new InvalidEventException(path(depth) + " contains itself (a reference cycle)");
                }
            }
            if (openCount == openContainers.length) {
                openContainers = Arrays.copyOf(openContainers, openCount * 2);
            }
            openContainers[openCount++] = container;
            if (depth >= names.length) {
                names = Arrays.copyOf(names, names.length * 2);
                indexes = Arrays.copyOf(indexes, indexes.length * 2);
            }
        }

        /** The path of the first {@code depth} segments as text, such as {@code properties.items[2].name}. */
        private String path(int depth) {
            StringBuilder path = new StringBuilder(names[0]);
            for (int i = 1; i < depth; i++) {
                if (names[i] != null) {
                    path.append('.').append(names[i]);
                }
                else {
                    path.append('[').append(indexes[i]).append(']');
                }
            }
            return path.toString();
        }
    }
}
