package org.meshledger.query.console;

import java.net.URI;
import org.meshledger.platform.security.ConsoleIdentities;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The console's chain on the embedded default: a person signs in as one of the development identities, marked as an
 * evaluation set-up. With a JWT issuer configured, {@link ConsoleSignOnConfiguration} signs in through it instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${meshledger.security.jwt.issuer:}'.isBlank()")
class ConsoleSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityWebFilterChain consoleSecurityWebFilterChain(ServerHttpSecurity http) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return ConsoleChain.of(http, sessions, null)
                .addFilterAt(signIn(sessions), SecurityWebFiltersOrder.FORM_LOGIN)
                .logout(logout -> logout.logoutUrl(ConsoleChain.SIGN_OUT).logoutSuccessHandler(signedOut()))
                .build();
    }
    /** {@code POST /ui/sign-in} with the form field {@code identity}: one of the development identities. */
    private static AuthenticationWebFilter signIn(WebSessionServerSecurityContextRepository sessions) {
        ReactiveAuthenticationManager identities =
                presented -> ConsoleIdentities.signIn(String.valueOf(presented.getPrincipal()))
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(new BadCredentialsException("No such identity")));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(identities);
        filter.setRequiresAuthenticationMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, ConsoleChain.SIGN_IN));
        filter.setServerAuthenticationConverter(exchange -> exchange.getFormData()
                .mapNotNull(form -> form.getFirst("identity"))
                .map(identity -> new UsernamePasswordAuthenticationToken(identity, "")));
        filter.setSecurityContextRepository(sessions);
        filter.setAuthenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/ui/"));
        filter.setAuthenticationFailureHandler(
                new RedirectServerAuthenticationFailureHandler(ConsoleChain.SIGN_IN + "?error"));
        return filter;
    }

    private static RedirectServerLogoutSuccessHandler signedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(ConsoleChain.SIGN_IN + "?signedOut"));
        return handler;
    }
}
