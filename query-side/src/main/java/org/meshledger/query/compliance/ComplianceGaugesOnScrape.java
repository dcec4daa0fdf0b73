package org.meshledger.query.compliance;

import java.time.Duration;
import org.meshledger.platform.web.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refreshes the compliance gauges before a Prometheus scrape is answered, so the scrape shows the view as it is. Runs
 * after the security filters: only a request allowed to scrape can cause a refresh.
 */
@Component
class ComplianceGaugesOnScrape implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(ComplianceGaugesOnScrape.class);
    // well inside Prometheus's default scrape timeout (10 s), so that a store that does not answer costs the scrape
    // its compliance values, never the JVM and processor metrics it carries besides
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final ComplianceMetrics metrics;
    private final String scrapePath;

    ComplianceGaugesOnScrape(ComplianceMetrics metrics, ObjectProvider<PathMappedEndpoints> endpoints) {
        this.metrics = metrics;
        PathMappedEndpoints exposed = endpoints.getIfAvailable();
        // null when the Prometheus endpoint is not exposed: then no request is a scrape
        this.scrapePath = exposed == null ? null : exposed.getPath(EndpointId.of("prometheus"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isScrape(exchange)) {
            return chain.filter(exchange);
        }
        return Blocking.call(() -> {
                    metrics.refreshIfOlderThanMaxAge();
                    return null;
                })
                // the refresh goes on past the wait (Blocking does not interrupt it); the next scrape shows its values
                .timeout(LONGEST_WAIT)
                .onErrorResume(failure -> {
                    log.warn("Compliance gauges not refreshed; this scrape shows their last values", failure);
                    return Mono.empty();
                })
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    private boolean isScrape(ServerWebExchange exchange) {
        return scrapePath != null
                && exchange.getRequest().getMethod() == HttpMethod.GET
                && scrapePath.equals(
                        exchange.getRequest().getPath().pathWithinApplication().value());
    }
}
