package dev.trajectory.push;

import reactor.core.publisher.Mono;

/** Delivers one chunk of valid events somewhere: the ingest API, or a local folder. */
public interface ChunkSender {

    /**
     * Sends the chunk, retrying failures that may pass as the implementation sees fit.
     *
     * @param chunk      the events
     * @param maxRetries retries allowed after the first attempt
     * @return the backend's answer; an error when the chunk could not be delivered
     */
    Mono<IngestResponse> send(EventChunk chunk, int maxRetries);
}
