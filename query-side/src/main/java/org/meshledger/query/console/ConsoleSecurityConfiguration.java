package org.meshledger.query.console;

import java.net.URI;
import org.meshledger.platform.security.ConsoleIdentities;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The console's own chain: a person signs in once and is kept by a session cookie (HttpOnly, SameSite=Lax, Secure
 * over TLS), every form carries a CSRF token, and pages may load nothing but this origin's own scripts and styles.
 * On the embedded default a person signs in as one of the development identities; the API's bearer tokens are not
 * read here, and the API's chain never reads the session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${meshledger.security.jwt.issuer:}'.isBlank()")
class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/ui/sign-in";
    static final String SIGN_OUT = "/ui/sign-out";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityWebFilterChain consoleSecurityWebFilterChain(ServerHttpSecurity http) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/", "/ui", "/ui/**"))
                .securityContextRepository(sessions)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .addFilterAt(signIn(sessions), SecurityWebFiltersOrder.FORM_LOGIN)
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessHandler(signedOut()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                new RedirectServerAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler((exchange, denied) -> {
                            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                            return ConsoleErrors.render(exchange, HttpStatus.FORBIDDEN);
                        }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/", SIGN_IN, ConsoleAssets.PATH + "**")
                        .permitAll()
                        .pathMatchers("/ui/audit", "/ui/audit/**")
                        .hasAnyRole("AUDITOR", "STEWARD")
                        .pathMatchers("/ui/admin", "/ui/admin/**")
                        .hasRole("STEWARD")
                        .anyExchange()
                        .authenticated())
                .build();
    }

    /** {@code POST /ui/sign-in} with the form field {@code identity}: one of the development identities. */
    private static AuthenticationWebFilter signIn(WebSessionServerSecurityContextRepository sessions) {
        ReactiveAuthenticationManager identities =
                presented -> ConsoleIdentities.signIn(String.valueOf(presented.getPrincipal()))
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(new BadCredentialsException("No such identity")));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(identities);
        filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, SIGN_IN));
        filter.setServerAuthenticationConverter(exchange -> exchange.getFormData()
                .mapNotNull(form -> form.getFirst("identity"))
                .map(identity -> new UsernamePasswordAuthenticationToken(identity, "")));
        filter.setSecurityContextRepository(sessions);
        filter.setAuthenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/ui/"));
        filter.setAuthenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGN_IN + "?error"));
        return filter;
    }

    private static RedirectServerLogoutSuccessHandler signedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(SIGN_IN + "?signedOut"));
        return handler;
    }
}
