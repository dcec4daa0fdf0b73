package org.meshledger.platform.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated caller: {@code actor} is who every event it causes will name. */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final String actor;

    BearerTokenAuthentication(String actor, Role role) {
        super(List.of(role.authority()));
        this.actor = actor;
        setAuthenticated(true);
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
