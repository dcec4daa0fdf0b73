package org.meshledger.platform.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A bearer token as the client sent it, not yet checked. */
final class PresentedBearerToken extends AbstractAuthenticationToken {

    private final String token;

    PresentedBearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return token;
    }
}
