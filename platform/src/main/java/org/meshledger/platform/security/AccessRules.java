package org.meshledger.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Who may call what, by method and path: the first rule that matches decides. Roles are coarse here; which domains an
 * integration may act on is judged per product where the product is known.
 *
 * <p>One decision per request, matched in plain code: Spring Security's chain of per-rule matchers builds a reactive
 * pipeline per rule per request, which on two cores was a measurable share of a read's CPU.
 */
final class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationDecision ALLOWED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    /** @param may null: open to anyone, signed in or not; otherwise what a signed-in caller's roles need */
    private record Rule(Set<HttpMethod> methods, List<PathPattern> paths, BiPredicate<Set<String>, HttpMethod> may) {

        boolean matches(HttpMethod method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method))
                    && paths.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }

    private static final BiPredicate<Set<String>, HttpMethod> ANYONE = null;
    private static final BiPredicate<Set<String>, HttpMethod> SIGNED_IN = (roles, method) -> true;

    private static final List<Rule> RULES = List.of(
            rule(Set.of(), ANYONE, "/actuator/health", "/actuator/health/**", "/actuator/prometheus"),
            // the explorer's page and assets; the calls made from it need a token like any other
            rule(Set.of(), ANYONE, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
            rule(Set.of(), holding(Role.STEWARD), "/actuator/**", "/api/admin/**"),
            rule(Set.of(HttpMethod.GET), holding(Role.AUDITOR, Role.STEWARD), "/api/audit/**"),
            rule(Set.of(), holding(Role.STEWARD), "/api/audit/**"),
            // reading teams is for everyone signed in; registering and moving teams is governance
            rule(
                    Set.of(),
                    (roles, method) -> method == HttpMethod.GET || roles.contains(Role.STEWARD.name()),
                    "/api/teams",
                    "/api/teams/*/domain-moves",
                    "/api/teams/*/retirement"),
            // where a team's endpoints are is no viewer's business; an integration sees its own domains' teams
            rule(
                    Set.of(HttpMethod.GET),
                    holding(Role.STEWARD, Role.AUDITOR, Role.INTEGRATION),
                    "/api/subscriptions",
                    "/api/subscriptions/**"),
            rule(WRITES, holding(Role.STEWARD, Role.INTEGRATION), "/api/**"),
            rule(Set.of(), SIGNED_IN, "/**"));

    @Override
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        Rule rule = RULES.stream()
                .filter(candidate -> candidate.matches(method, path))
                .findFirst()
                .orElseThrow();
        if (rule.may() == ANYONE) {
            return Mono.just(ALLOWED);
        }
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> rule.may().test(Callers.roles(caller), method) ? ALLOWED : DENIED)
                .defaultIfEmpty(DENIED);
    }

    private static Rule rule(Set<HttpMethod> methods, BiPredicate<Set<String>, HttpMethod> may, String... paths) {
        return new Rule(
                methods,
                Arrays.stream(paths)
                        .map(PathPatternParser.defaultInstance::parse)
                        .toList(),
                may);
    }

    private static BiPredicate<Set<String>, HttpMethod> holding(Role... roles) {
        return (held, method) -> Arrays.stream(roles).anyMatch(role -> held.contains(role.name()));
    }
}
