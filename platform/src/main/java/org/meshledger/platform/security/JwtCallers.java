package org.meshledger.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** Reads who a verified JWT names, with which roles and for which domains, from the configured claims. */
final class JwtCallers {

    private static final String EVERY_DOMAIN = "*";

    private final JwtSettings settings;

    JwtCallers(JwtSettings settings) {
        this.settings = settings;
    }

    Mono<AbstractAuthenticationToken> caller(Jwt jwt) {
        String actor = jwt.hasClaim(settings.actorClaim()) ? jwt.getClaimAsString(settings.actorClaim()) : null;
        if (actor == null || actor.isBlank()) {
            actor = jwt.getSubject();
        }
        return Mono.just(new BearerTokenAuthentication(actor, roles(jwt), scope(jwt)));
    }

    private Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(jwt, settings.rolesClaim())) {
            String name = value.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            Arrays.stream(Role.values())
                    .filter(role -> role.name().equals(name))
                    .forEach(roles::add);
        }
        return roles;
    }

    private DomainScope scope(Jwt jwt) {
        List<String> domains = values(jwt, settings.domainsClaim());
        if (domains.contains(EVERY_DOMAIN)) {
            return DomainScope.EVERY_DOMAIN;
        }
        return DomainScope.of(Set.copyOf(domains));
    }

    /** A claim given as a list, or as one space- or comma-separated string, as identity providers differ. */
    private static List<String> values(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).map(String::trim).toList();
        }
        if (value instanceof String one) {
            return Arrays.stream(one.split("[\\s,]+"))
                    .filter(part -> !part.isBlank())
                    .collect(Collectors.toList());
        }
        return List.of();
    }
}
