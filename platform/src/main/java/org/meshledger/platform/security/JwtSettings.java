package org.meshledger.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Production authentication ({@code meshledger.security.jwt.*}). Setting {@code issuer} turns it on, and turns the
 * development tokens off. Keys come from {@code jwk-set-uri}, or from the issuer's OpenID discovery document.
 *
 * @param issuer the {@code iss} every token must carry
 * @param jwkSetUri where the issuer's signing keys are published; optional
 * @param audiences the {@code aud} values meant for this ledger: a token must name one of them, so a token the same
 *     issuer minted for another service is refused; required with an issuer
 * @param rolesClaim the claim listing the caller's roles (STEWARD, INTEGRATION, AUDITOR, VIEWER)
 * @param domainsClaim the claim listing an integration's domains; {@code *} means every domain
 * @param actorClaim the claim naming the person or machine; {@code sub} when the token lacks it
 */
@ConfigurationProperties("meshledger.security.jwt")
public record JwtSettings(
        String issuer,
        String jwkSetUri,
        List<String> audiences,
        String rolesClaim,
        String domainsClaim,
        String actorClaim) {

    public JwtSettings {
        audiences = audiences == null
                ? List.of()
                : audiences.stream()
                        .map(String::trim)
                        .filter(audience -> !audience.isEmpty())
                        .toList();
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        domainsClaim = domainsClaim == null ? "domains" : domainsClaim;
        actorClaim = actorClaim == null ? "email" : actorClaim;
    }

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }
}
