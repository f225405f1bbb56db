package dev.trajectory.benchmarks.web;

import dev.trajectory.push.ChunkSender;
import dev.trajectory.push.IngestResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * With {@code bench.delivery=discard}, every chunk is acknowledged in this process instead of being compressed and
 * posted: the starter's worker still drains, validates and serialises the events, but no gzip, HTTP or sink runs.
 * Separates the request filter's cost on the request thread from the cost of delivery.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bench.delivery", havingValue = "discard")
class DiscardedDelivery {

    @Bean
    ChunkSender discardingChunkSender() {
        return (chunk, maxRetries) -> Mono.just(IngestResponse.allAccepted(chunk.size()));
    }
}
