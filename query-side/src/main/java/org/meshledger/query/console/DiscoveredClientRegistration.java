package org.meshledger.query.console;

import java.time.Duration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The console's registration at the issuer, read from the issuer's discovery document when first needed and kept
 * once read: the query side starts, and serves the API, while the identity provider is still out of reach.
 */
final class DiscoveredClientRegistration implements ReactiveClientRegistrationRepository {

    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final Mono<ClientRegistration> registration;

    DiscoveredClientRegistration(String issuer, ConsoleSignOnSettings settings) {
        this.registration = Mono.fromCallable(() -> discover(issuer, settings))
                .subscribeOn(Schedulers.boundedElastic())
                .cache(found -> FOREVER, failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return ConsoleSignOnSettings.REGISTRATION.equals(registrationId) ? registration : Mono.empty();
    }

    private static ClientRegistration discover(String issuer, ConsoleSignOnSettings settings) {
        return ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(ConsoleSignOnSettings.REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.confidential() ? settings.clientSecret() : null)
                .clientAuthenticationMethod(
                        settings.confidential()
                                ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                                : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .build();
    }
}
