package org.meshledger.platform.security;

import java.util.List;
import org.meshledger.platform.web.CrossOrigins;
import org.meshledger.platform.web.ProblemWriter;
import org.meshledger.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/** Who may call what ({@link AccessRules}), and how a caller is recognised: development tokens or an issuer's JWTs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtSettings.class, RateLimitSettings.class, CrossOrigins.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ProblemWriter problems,
            JwtSettings jwt,
            RateLimitSettings rateLimits,
            CrossOrigins crossOrigins,
            @Value("${meshledger.security.development-tokens:false}") boolean developmentTokens,
            @Value("${meshledger.limits.request-body:1MB}") DataSize requestBodyLimit) {
        // a preflight is answered by the CORS filter, which runs before authentication: it carries no token
        return http.cors(cors -> {
                    if (crossOrigins.enabled()) {
                        cors.configurationSource(crossOrigins.source());
                    } else {
                        cors.disable();
                    }
                })
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(
                        bearerAuthentication(problems, authenticationManager(jwt, developmentTokens)),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(limitedCallers(rateLimits, problems), SecurityWebFiltersOrder.AUTHENTICATION)
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
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new AccessRules()))
                .build();
    }

    /**
     * A request the firewall refuses before any rule is asked (an encoded "..", TRACE, a header no client sends) is
     * answered with a problem, as every other refusal is, instead of an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, Problems.requestRejected(rejected.getMessage()));
    }

    /**
     * Security observations are switched off (management.observations.enable.spring.security); without this their
     * decorators would still wrap every security filter of every request, doing nothing at a cost.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static AuthenticationWebFilter bearerAuthentication(
            ProblemWriter problems, ReactiveAuthenticationManager authentication) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(authentication);
        filter.setServerAuthenticationConverter(new BearerTokenConverter());
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, failure) -> unauthorised(exchange, problems, failure)));
        return filter;
    }

    /**
     * With an issuer configured only its JWTs are accepted. Without one the service does not start, unless the
     * development tokens are asked for (the launcher's evaluation set-up): a production service left without its
     * issuer fails closed instead of accepting tokens anyone can read in the docs.
     */
    static ReactiveAuthenticationManager authenticationManager(JwtSettings jwt, boolean developmentTokens) {
        if (!jwt.enabled() && !developmentTokens) {
            throw new IllegalStateException("No JWT issuer is configured: set meshledger.security.jwt.issuer "
                    + "(MESHLEDGER_SECURITY_JWT_ISSUER) to the identity provider whose tokens are accepted. "
                    + "Only an evaluation set-up may accept the development tokens instead, "
                    + "with meshledger.security.development-tokens=true");
        }
        if (!jwt.enabled()) {
            log.warn("Development tokens are accepted (dev-steward, dev-integration, dev-auditor, dev-viewer): "
                    + "this is an evaluation set-up; set meshledger.security.jwt.issuer for production");
            return new DevelopmentTokenAuthenticationManager();
        }
        if (jwt.audiences().isEmpty()) {
            throw new IllegalStateException("meshledger.security.jwt.audiences (MESHLEDGER_SECURITY_JWT_AUDIENCES) is "
                    + "empty: name the aud value(s) " + jwt.issuer() + " puts in tokens meant for this ledger, "
                    + "so that a token it issued for another service is refused");
        }
        log.info("JWTs from {} for {} are accepted; development tokens are refused", jwt.issuer(), jwt.audiences());
        if (developmentTokens) {
            log.warn("meshledger.security.development-tokens is ignored: an issuer is configured");
        }
        NimbusReactiveJwtDecoder decoder = jwt.jwkSetUri() == null
                        || jwt.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuer()).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.issuer()), audienceOf(jwt)));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new JwtCallers(jwt)::caller);
        return presented ->
                manager.authenticate(new BearerTokenAuthenticationToken(String.valueOf(presented.getCredentials())));
    }

    private static WebFilter limitedCallers(RateLimitSettings rateLimits, ProblemWriter problems) {
        if (!rateLimits.enabled()) {
            log.warn("Callers are not rate-limited (meshledger.rate-limits.enabled=false)");
            return (exchange, chain) -> chain.filter(exchange);
        }
        return new RateLimitFilter(rateLimits, problems);
    }

    private static OAuth2TokenValidator<Jwt> audienceOf(JwtSettings jwt) {
        return new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD,
                audiences -> audiences != null && audiences.stream().anyMatch(jwt.audiences()::contains));
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
