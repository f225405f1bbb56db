package dev.trajectory.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customises the WebClient the Trajectory client sends requests with: a proxy, a custom connector, extra filters.
 * Every bean of this type is applied, in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface TrajectoryWebClientCustomizer {

    void customize(WebClient.Builder builder);
}
