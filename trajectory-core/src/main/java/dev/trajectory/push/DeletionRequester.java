package dev.trajectory.push;

import java.util.List;

import reactor.core.publisher.Mono;

/** Asks for the deletion of everything recorded about a client and its users (GDPR erasure). */
public interface DeletionRequester {

    /** Sends the request; the Mono never errors, a failure is described in the result. */
    Mono<DeletionResult> requestDeletion(String clientId, List<String> userIds);
}
