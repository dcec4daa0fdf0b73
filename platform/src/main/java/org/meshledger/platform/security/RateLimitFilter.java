package org.meshledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.meshledger.platform.web.ProblemWriter;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a caller's request beyond its allowance with a 429 problem and {@code Retry-After}, before any handler reads
 * it, so a refused request records nothing. Health probes are never limited: an orchestrator must always get an
 * answer.
 */
final class RateLimitFilter implements WebFilter {

    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);
    private static final String HEALTH = "/actuator/health";

    private final RateLimitSettings limits;
    private final ProblemWriter problems;
    // a caller quiet for ten minutes has a full bucket again anyway; the bound keeps a flood of addresses in check
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimitFilter(RateLimitSettings limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith(HEALTH)) {
            return chain.filter(exchange);
        }
        boolean write = WRITES.contains(exchange.getRequest().getMethod());
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(RateLimitFilter::isSomeone)
                .map(caller -> "caller:" + caller.getName())
                .defaultIfEmpty("address:" + addressOf(exchange))
                .flatMap(caller -> {
                    ConsumptionProbe probe = bucketOf(caller, write).tryConsumeAndReturnRemaining(1);
                    return probe.isConsumed()
                            ? chain.filter(exchange)
                            : refuse(exchange, write, probe.getNanosToWaitForRefill());
                });
    }

    private Bucket bucketOf(String caller, boolean write) {
        return buckets.get((write ? "write " : "read ") + caller, key -> {
            int perSecond = write ? limits.writesPerSecond() : limits.readsPerSecond();
            int burst = write ? limits.writeBurst() : limits.readBurst();
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                    .build();
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, boolean write, long nanosToWait) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Too many requests",
                write
                        ? "More than " + limits.writesPerSecond() + " commands a second (bursts of "
                                + limits.writeBurst() + "); nothing was recorded: retry after " + seconds + " s"
                        : "More than " + limits.readsPerSecond() + " reads a second (bursts of " + limits.readBurst()
                                + "): retry after " + seconds + " s");
        problem.setProperty(Problems.RETRY_AFTER_SECONDS, seconds);
        return problems.write(exchange, problem);
    }

    private static boolean isSomeone(Authentication caller) {
        return caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
    }

    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
