package org.meshledger.query.support;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells reads waiting for a view to reach a version ({@code minVersion}) that this process has just stored a batch of
 * view changes, so they look again at once rather than polling the store at a short interval. What another replica
 * stores is not signalled here: the waiting read's own backing-off poll finds it.
 */
final class ViewsStored {

    private static final Sinks.Many<Boolean> STORED = Sinks.many().multicast().directBestEffort();

    private ViewsStored() {}

    static void signal() {
        // processors of several views store from their own threads; a sink takes one emitter at a time
        synchronized (STORED) {
            STORED.tryEmitNext(Boolean.TRUE);
        }
    }

    /** Completes when this process next stores a batch of view changes. */
    static Mono<Boolean> next() {
        return STORED.asFlux().next();
    }
}
