package org.meshledger.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** The caller a verified bearer JWT names. */
final class JwtCallers {

    private final CallerClaims claims;

    JwtCallers(JwtSettings settings) {
        this.claims = new CallerClaims(settings);
    }

    Mono<AbstractAuthenticationToken> caller(Jwt jwt) {
        return Mono.just(new BearerTokenAuthentication(
                claims.actor(jwt.getClaims()), claims.roles(jwt.getClaims()), claims.scope(jwt.getClaims())));
    }
}
