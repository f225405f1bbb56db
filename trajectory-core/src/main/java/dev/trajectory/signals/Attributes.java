package dev.trajectory.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

/** Attribute maps as Micrometer tags; {@code null} values become empty strings. */
final class Attributes {

    private Attributes() {
    }

    static List<Tag> tags(Map<String, ? extends @Nullable Object> attributes) {
        List<Tag> tags = new ArrayList<>(attributes.size());
        attributes.forEach((key, value) -> tags.add(Tag.of(key, value == null ? "" : value.toString())));
        return tags;
    }
}
