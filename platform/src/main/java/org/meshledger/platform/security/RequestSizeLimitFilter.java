package org.meshledger.platform.security;

import org.meshledger.platform.web.ProblemWriter;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body above the limit once the caller is known and before its rights are judged, as API.md
 * orders it (401, then 413, then 403). Bodies without a declared length are capped where they are read.
 */
final class RequestSizeLimitFilter implements WebFilter {

    private final DataSize limit;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(DataSize limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared <= limit.toBytes()) {
            return chain.filter(exchange);
        }
        // An anonymous caller goes on to be refused with 401, which comes first.
        return exchange.getPrincipal()
                .map(caller -> true)
                .defaultIfEmpty(false)
                .flatMap(known -> known ? problems.write(exchange, tooLarge(declared)) : chain.filter(exchange));
    }

    private ProblemDetail tooLarge(long declared) {
        return Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "REQUEST_TOO_LARGE",
                "Request body too large",
                "The body has %d bytes; at most %d are accepted".formatted(declared, limit.toBytes()));
    }
}
