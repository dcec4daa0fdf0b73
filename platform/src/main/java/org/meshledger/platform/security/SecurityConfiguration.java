package org.meshledger.platform.security;

import org.meshledger.platform.web.ProblemWriter;
import org.meshledger.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Roles are coarse here (path and method); which domains an integration may act on is judged
 * per product where the product is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtSettings.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ProblemWriter problems,
            JwtSettings jwt,
            @Value("${meshledger.limits.request-body:1MB}") DataSize requestBodyLimit) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearerAuthentication(problems, jwt), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(
                        new RequestSizeLimitFilter(requestBodyLimit, problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterAfter(new ProductDomainFilter(problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (exchange, failure) -> unauthorised(exchange, problems, failure))
                        .accessDeniedHandler((exchange, denied) -> problems.write(
                                exchange,
                                Problems.of(
                                        HttpStatus.FORBIDDEN,
                                        "FORBIDDEN",
                                        "Forbidden",
                                        "Your role may not "
                                                + exchange.getRequest().getMethod() + " "
                                                + exchange.getRequest().getPath()))))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .pathMatchers("/actuator/**", "/api/admin/**")
                        .hasRole(Role.STEWARD.name())
                        .pathMatchers(HttpMethod.GET, "/api/audit/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.STEWARD.name())
                        .pathMatchers("/api/audit/**")
                        .hasRole(Role.STEWARD.name())
                        .pathMatchers("/api/teams", "/api/teams/*/domain-moves", "/api/teams/*/retirement")
                        .access((authentication, context) -> teamWriteDecision(authentication, context))
                        .pathMatchers(HttpMethod.POST, "/api/**")
                        .hasAnyRole(Role.STEWARD.name(), Role.INTEGRATION.name())
                        .pathMatchers(HttpMethod.PUT, "/api/**")
                        .hasAnyRole(Role.STEWARD.name(), Role.INTEGRATION.name())
                        .pathMatchers(HttpMethod.DELETE, "/api/**")
                        .hasAnyRole(Role.STEWARD.name(), Role.INTEGRATION.name())
                        .pathMatchers(HttpMethod.PATCH, "/api/**")
                        .hasAnyRole(Role.STEWARD.name(), Role.INTEGRATION.name())
                        .anyExchange()
                        .authenticated())
                .build();
    }

    /** Reading teams is for everyone signed in; registering and moving teams is governance. */
    private static Mono<AuthorizationDecision> teamWriteDecision(
            Mono<Authentication> authentication, AuthorizationContext context) {
        boolean read = context.getExchange().getRequest().getMethod() == HttpMethod.GET;
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> read || caller.getAuthorities().contains(Role.STEWARD.authority()))
                .defaultIfEmpty(false)
                .map(AuthorizationDecision::new);
    }

    private static AuthenticationWebFilter bearerAuthentication(ProblemWriter problems, JwtSettings jwt) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(authenticationManager(jwt));
        filter.setServerAuthenticationConverter(new BearerTokenConverter());
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, failure) -> unauthorised(exchange, problems, failure)));
        return filter;
    }

    /** With an issuer configured only its JWTs are accepted; the development tokens exist only without one. */
    private static ReactiveAuthenticationManager authenticationManager(JwtSettings jwt) {
        if (!jwt.enabled()) {
            log.warn("Development tokens are accepted (dev-steward, dev-integration, dev-auditor, dev-viewer): "
                    + "this is an evaluation set-up; set meshledger.security.jwt.issuer for production");
            return new DevelopmentTokenAuthenticationManager();
        }
        log.info("JWTs from {} are accepted; development tokens are refused", jwt.issuer());
        NimbusReactiveJwtDecoder decoder = jwt.jwkSetUri() == null
                        || jwt.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuer()).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuer()));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new JwtCallers(jwt)::caller);
        return presented ->
                manager.authenticate(new BearerTokenAuthenticationToken(String.valueOf(presented.getCredentials())));
    }

    private static Mono<Void> unauthorised(
            ServerWebExchange exchange, ProblemWriter problems, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        String detail = exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                ? failure.getMessage()
                : "Send Authorization: Bearer <token>";
        return problems.write(
                exchange, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required", detail));
    }
}
