package org.meshledger.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who a verified token names, with which roles and for which domains, read from the configured claims: the API's
 * bearer JWTs and the console's OpenID Connect sign-in read them alike.
 */
public final class CallerClaims {

    private static final String EVERY_DOMAIN = "*";

    private final JwtSettings settings;

    public CallerClaims(JwtSettings settings) {
        this.settings = settings;
    }

    /** The claim the settings name for the actor, or {@code sub} when the token lacks it. */
    public String actorClaim(Map<String, Object> claims) {
        Object actor = claims.get(settings.actorClaim());
        return actor == null || String.valueOf(actor).isBlank() ? "sub" : settings.actorClaim();
    }

    public String actor(Map<String, Object> claims) {
        return String.valueOf(claims.get(actorClaim(claims)));
    }

    public Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims, settings.rolesClaim())) {
            String name = value.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            Arrays.stream(Role.values())
                    .filter(role -> role.name().equals(name))
                    .forEach(roles::add);
        }
        return roles;
    }

    /** The roles as the authorities {@link Callers#roles} reads back. */
    public List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return roles(claims).stream()
                .map(Role::authority)
                .map(GrantedAuthority.class::cast)
                .toList();
    }

    DomainScope scope(Map<String, Object> claims) {
        List<String> domains = values(claims, settings.domainsClaim());
        if (domains.contains(EVERY_DOMAIN)) {
            return DomainScope.EVERY_DOMAIN;
        }
        return DomainScope.of(Set.copyOf(domains));
    }

    /** A claim given as a list, or as one space- or comma-separated string, as identity providers differ. */
    private static List<String> values(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
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
