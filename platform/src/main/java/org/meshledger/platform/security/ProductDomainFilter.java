package org.meshledger.platform.security;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meshledger.platform.web.ProblemWriter;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Object-level authorisation for writes to one product: the product id names its domain, so an integration of
 * another domain is refused before its body is read, and nothing is recorded. Registration and the many-product
 * observation feed name their domains in the body; their controllers ask {@link Callers#mayChange}.
 */
final class ProductDomainFilter implements WebFilter {

    private static final Pattern PRODUCT_PATH = Pattern.compile("^/api/products/([^/.]+)\\.[^/]+(/.*)?$");
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    private final ProblemWriter problems;

    ProductDomainFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!WRITES.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        Matcher product = PRODUCT_PATH.matcher(exchange.getRequest().getPath().value());
        if (!product.matches()) {
            return chain.filter(exchange);
        }
        String domain = product.group(1);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(caller -> Callers.mayChange(caller, domain))
                .defaultIfEmpty(false)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : forbidden(exchange, domain));
    }

    private Mono<Void> forbidden(ServerWebExchange exchange, String domain) {
        return problems.write(
                exchange,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "FORBIDDEN_DOMAIN",
                        "Forbidden for this domain",
                        new ForbiddenDomain(domain).getMessage()));
    }
}
