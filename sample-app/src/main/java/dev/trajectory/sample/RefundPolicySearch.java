package dev.trajectory.sample;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A stand-in search over the refund policy: the sections whose keyword the query holds, or the first one. */
final class RefundPolicySearch {

    static final String NAME = "refund_policy_search";

    private static final List<Section> POLICY = List.of(
            new Section("refund", "Unused items can be returned for a full refund within 30 days of delivery."),
            new Section("damaged", "Damaged or faulty items are refunded or replaced at no cost; a photo is enough."),
            new Section("late", "If an order arrives more than 5 days late, shipping is refunded automatically."));

    List<Map<String, String>> search(String query) {
        String words = query.toLowerCase(Locale.ROOT);
        List<Section> hits = POLICY.stream().filter(section -> words.contains(section.keyword())).toList();
        return (hits.isEmpty() ? POLICY.subList(0, 1) : hits).stream()
                .map(section -> Map.of("section", section.keyword(), "text", section.text()))
                .toList();
    }

    private record Section(String keyword, String text) {
    }
}
