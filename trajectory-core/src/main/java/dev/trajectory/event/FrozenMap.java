package dev.trajectory.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * An immutable map that keeps its entries in insertion order in one array of alternating keys and values. Events
 * hold their properties and metadata in it: copying into it costs one array, and a queued event holds about a
 * quarter of the memory a {@code LinkedHashMap} needs. Lookups scan the array, which suits the few to few dozen
 * entries an event carries; the map is meant to be iterated (serialised), not searched.
 */
final class FrozenMap extends AbstractMap<String, @Nullable Object> {

    static final FrozenMap EMPTY = new FrozenMap(new Object[0]);

    private final @Nullable Object[] keysAndValues;

    private FrozenMap(@Nullable Object[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    /** An immutable copy of the map in its iteration order; a {@code FrozenMap} is returned as it is. */
    static FrozenMap copyOf(Map<String, ? extends @Nullable Object> source) {
        if (source instanceof FrozenMap frozen) {
            return frozen;
        }
        if (source.isEmpty()) {
            return EMPTY;
        }
        Filler filler = new Filler(source.size());
        @SuppressWarnings("unchecked")
        Map<Object, @Nullable Object> untyped = (Map<Object, @Nullable Object>) (Map<?, ?>) source;
        // Typed as Object so that a key of another type slipped in through raw types reaches the JSON writer,
        // which names it, instead of failing here with a ClassCastException.
        untyped.forEach(filler);
        return new FrozenMap(filler.filled());
    }

    /**
     * Copies entries through {@link Map#forEach}, which walks most maps (and the unmodifiable views around them)
     * without creating an entry object per mapping as {@code entrySet()} iteration does.
     */
    private static final class Filler implements BiConsumer<Object, @Nullable Object> {

        private @Nullable Object[] keysAndValues;

        private int next;

        Filler(int expectedSize) {
            this.keysAndValues = new Object[expectedSize * 2];
        }

        @Override
        public void accept(Object key, @Nullable Object value) {
            if (next == keysAndValues.length) {
                keysAndValues = Arrays.copyOf(keysAndValues, Math.max(2, next * 2));
            }
            keysAndValues[next++] = key;
            keysAndValues[next++] = value;
        }

        @Nullable Object[] filled() {
            return next == keysAndValues.length ? keysAndValues : Arrays.copyOf(keysAndValues, next);
        }
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        int index = indexOf(key);
        return index < 0 ? null : keysAndValues[index + 1];
    }

    private int indexOf(@Nullable Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (Objects.equals(keysAndValues[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, @Nullable Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, @Nullable Object>> iterator() {
                return new EntryIterator();
            }

            @Override
            public int size() {
                return FrozenMap.this.size();
            }
        };
    }

    private final class EntryIterator implements Iterator<Map.Entry<String, @Nullable Object>> {

        private int next;

        @Override
        public boolean hasNext() {
            return next < keysAndValues.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map.Entry<String, @Nullable Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<String, @Nullable Object> entry = new SimpleImmutableEntry<>((String) keysAndValues[next],
                    keysAndValues[next + 1]);
            next += 2;
            return entry;
        }
    }
}
