package org.meshledger.platform.security;

import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated caller: {@code actor} is who every event it causes will name; {@code scope} is which domains'
 * products it may change (integrations are machines of their domains).
 */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final String actor;
    private final DomainScope scope;

    BearerTokenAuthentication(String actor, Set<Role> roles, DomainScope scope) {
        super(roles.stream().map(Role::authority).toList());
        this.actor = actor;
        this.scope = scope;
        setAuthenticated(true);
    }

    DomainScope scope() {
        return scope;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor;
    }
}
