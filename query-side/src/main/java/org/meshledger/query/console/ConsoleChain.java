package org.meshledger.query.console;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * What the console's chain is whichever way a person signs in: its paths, a session kept by its cookie (HttpOnly,
 * SameSite=Lax, Secure over TLS), a CSRF token on every form, pages that may load nothing but this origin's own
 * scripts and styles, and who may open what. The API's bearer tokens are not read here, nor the session by the API.
 */
final class ConsoleChain {

    static final String SIGN_IN = "/ui/sign-in";
    static final String SIGN_OUT = "/ui/sign-out";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'%s; frame-ancestors 'none'";
    private static final String[] PATHS = {"/", "/ui", "/ui/**"};

    private ConsoleChain() {}

    /**
     * {@code signOnOrigin}: where a form may lead besides this origin (signing out at an identity provider), or
     * null; {@code signOnPaths}: what the sign-in itself adds to the console's paths (the provider's callback).
     */
    static ServerHttpSecurity of(
            ServerHttpSecurity http,
            WebSessionServerSecurityContextRepository sessions,
            String signOnOrigin,
            String... signOnPaths) {
        String policy = CONTENT_SECURITY_POLICY.formatted(signOnOrigin == null ? "" : " " + signOnOrigin);
        String[] paths = new String[PATHS.length + signOnPaths.length];
        System.arraycopy(PATHS, 0, paths, 0, PATHS.length);
        System.arraycopy(signOnPaths, 0, paths, PATHS.length, signOnPaths.length);
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(paths))
                .securityContextRepository(sessions)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                new RedirectServerAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler((exchange, denied) -> {
                            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                            return ConsoleErrors.render(
                                    exchange, HttpStatus.FORBIDDEN, "Your role may not open this page.");
                        }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/", SIGN_IN, ConsoleAssets.PATH + "**")
                        .permitAll()
                        .pathMatchers("/ui/audit", "/ui/audit/**")
                        .hasAnyRole("AUDITOR", "STEWARD")
                        .pathMatchers("/ui/admin", "/ui/admin/**")
                        .hasRole("STEWARD")
                        .anyExchange()
                        .authenticated());
    }
}
