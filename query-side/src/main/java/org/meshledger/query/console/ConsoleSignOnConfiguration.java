package org.meshledger.query.console;

import java.net.URI;
import org.meshledger.platform.security.CallerClaims;
import org.meshledger.platform.security.JwtSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;

/**
 * With a JWT issuer configured, a person signs in to the console at that identity provider: OpenID Connect's
 * authorization code flow with PKCE. The tokens stay in the server's session (backend for frontend): the page's
 * script never holds one. Signing out ends the session here and at the provider. The person's role and name come
 * from the same claims as an API caller's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "!'${meshledger.security.jwt.issuer:}'.isBlank() and !'${meshledger.console.oidc.client-id:}'.isBlank()")
@EnableConfigurationProperties(ConsoleSignOnSettings.class)
class ConsoleSignOnConfiguration {

    static final String START = "/oauth2/authorization/" + ConsoleSignOnSettings.REGISTRATION;

    @Bean
    @Order(1)
    SecurityWebFilterChain consoleSignOnWebFilterChain(
            ServerHttpSecurity http, JwtSettings jwt, ConsoleSignOnSettings settings) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        ReactiveClientRegistrationRepository registrations = new DiscoveredClientRegistration(jwt.issuer(), settings);
        DefaultServerOAuth2AuthorizationRequestResolver requests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE for a confidential client too, as OAuth 2.1 asks
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signedOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}" + ConsoleChain.SIGN_IN + "?signedOut");
        return ConsoleChain.of(http, sessions, originOf(jwt.issuer()), "/oauth2/**", "/login/oauth2/**")
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .authorizationRequestResolver(requests)
                        .authorizedClientRepository(new WebSessionServerOAuth2AuthorizedClientRepository())
                        .securityContextRepository(sessions)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/ui/"))
                        .authenticationFailureHandler(
                                new RedirectServerAuthenticationFailureHandler(ConsoleChain.SIGN_IN + "?error")))
                .logout(logout -> logout.logoutUrl(ConsoleChain.SIGN_OUT).logoutSuccessHandler(signedOut))
                .build();
    }

    /** Signing out is a form whose answer leads to the provider's end of session, on the issuer's origin. */
    private static String originOf(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The signed-in person as the console names them: the actor claim, and the roles claim as roles. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> consolePeople(JwtSettings jwt) {
        CallerClaims claims = new CallerClaims(jwt);
        OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();
        return request -> provider.loadUser(request)
                .map(person -> new DefaultOidcUser(
                        claims.authorities(person.getClaims()),
                        person.getIdToken(),
                        person.getUserInfo(),
                        claims.actorClaim(person.getClaims())));
    }
}
