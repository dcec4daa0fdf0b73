package org.meshledger.platform.security;

import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

final class DevelopmentTokenAuthenticationManager implements ReactiveAuthenticationManager {

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        String token = String.valueOf(presented.getCredentials());
        return DevelopmentToken.matching(token)
                .<Mono<Authentication>>map(dev -> Mono.just(
                        new BearerTokenAuthentication(dev.actor(), Set.of(dev.role()), DomainScope.EVERY_DOMAIN)))
                .orElseGet(() -> Mono.error(new BadCredentialsException("The bearer token is not recognised")));
    }
}
