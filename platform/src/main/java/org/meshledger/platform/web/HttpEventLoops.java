package org.meshledger.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP server's event loops: one per core unless {@code meshledger.http.event-loops} says otherwise. Reactor
 * Netty's default is at least four, which on a machine with fewer cores puts more request threads than cores in
 * turn: on two cores, with 32 clients reading, a query side on two loops served 8 to 39 % more reads per second than
 * one on four, in five rounds taken in turn, with a lower p99 in four of them (bench/README.md). On four or more
 * cores both choices are the same.
 */
@Configuration(proxyBeanMethods = false)
class HttpEventLoops {

    private static final String THREAD_PREFIX = "meshledger-http";

    /** Replaces Spring Boot's factory, which shares Reactor Netty's global loops; this one starts and stops its own. */
    @Bean
    ReactorResourceFactory reactorResourceFactory(
            @Value("${meshledger.http.event-loops:#{T(java.lang.Runtime).getRuntime().availableProcessors()}}")
                    int eventLoops) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("meshledger.http.event-loops must be at least 1, was " + eventLoops);
        }
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setLoopResourcesSupplier(() -> LoopResources.create(THREAD_PREFIX, eventLoops, true));
        return resources;
    }
}
