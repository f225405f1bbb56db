package dev.trajectory.sample;

import java.util.List;
import java.util.Map;

/**
 * A stand-in order system. Deterministic: order numbers starting with 9 fail as if the order service timed out;
 * every other number has a status derived from its digits.
 */
final class OrderLookup {

    static final String NAME = "order_lookup";

    private static final List<String> STATUSES = List.of("processing", "shipped", "out for delivery", "delivered");

    Map<String, Object> lookup(String orderId) {
        if (orderId.startsWith("9")) {
            throw new IllegalStateException("order service timed out after 2000 ms looking up order " + orderId);
        }
        String status = STATUSES.get(Math.floorMod(orderId.hashCode(), STATUSES.size()));
        return Map.of("order_id", orderId, "status", status, "carrier", "Parcelio");
    }
}
