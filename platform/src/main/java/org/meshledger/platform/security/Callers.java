package org.meshledger.platform.security;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What the rest of the system may ask about the caller of a request. */
public final class Callers {

    private static final String ROLE_PREFIX = "ROLE_";

    private Callers() {}

    public static Set<String> roles(Principal caller) {
        if (!(caller instanceof Authentication authentication)) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static boolean isSteward(Principal caller) {
        return roles(caller).contains(Role.STEWARD.name());
    }

    /** Stewards act on every domain; an integration on the domains its token names. */
    public static boolean mayChange(Principal caller, String domain) {
        if (isSteward(caller)) {
            return true;
        }
        return caller instanceof BearerTokenAuthentication bearer
                && bearer.scope().covers(domain);
    }
}
