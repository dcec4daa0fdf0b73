package org.meshledger.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which other origins' web pages may call the API ({@code meshledger.web.cors.allowed-origins}, none by default): a
 * UI built elsewhere sends its bearer token itself, so no cookie is ever allowed across origins.
 *
 * @param allowedOrigins each a scheme, host and optional port, such as {@code https://catalog.example.org}
 */
@ConfigurationProperties("meshledger.web.cors")
public record CrossOrigins(List<String> allowedOrigins) {

    /** What such a UI reads from an answer: the version to send back, where a created thing is, the request's id. */
    static final List<String> EXPOSED =
            List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, RequestMetadata.CORRELATION_HEADER);

    private static final List<String> REQUEST_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            "Idempotency-Key",
            "Last-Event-ID",
            RequestMetadata.CORRELATION_HEADER);

    public CrossOrigins {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        allowedOrigins.forEach(CrossOrigins::requireOrigin);
    }

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /** The API's paths only: the console is served from this origin and needs none of it. */
    public CorsConfigurationSource source() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(allowedOrigins);
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        source.registerCorsConfiguration("/v3/api-docs/**", configuration);
        return source;
    }

    private static void requireOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(invalid(origin), malformed);
        }
        boolean plainOrigin = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                && uri.getHost() != null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (!plainOrigin) {
            throw new IllegalArgumentException(invalid(origin));
        }
    }

    private static String invalid(String origin) {
        return "meshledger.web.cors.allowed-origins: '%s' is not an origin; give a scheme, host and optional port,"
                        .formatted(origin)
                + " such as https://catalog.example.org";
    }
}
