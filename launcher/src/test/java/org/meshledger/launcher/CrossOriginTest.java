package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A UI built elsewhere, served from a configured origin: its browser's preflight is answered without a token, and it
 * can read the headers it needs; a page from any other origin gets nothing. The OpenAPI explorer opens without one.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME,
            "meshledger.web.cors.allowed-origins=" + CrossOriginTest.CATALOG
        })
class CrossOriginTest {

    // only ever a header's value: no request goes to it
    static final String CATALOG = "https://catalog.example.org";

    @LocalServerPort
    private int port;

    private WebTestClient web;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "cors_events");
        registry.add("meshledger.store.views-database", () -> "cors_views");
    }

    @BeforeEach
    void client() {
        web = TestClients.to(port, Duration.ofSeconds(20));
    }

    @Test
    void givenTheConfiguredOrigin_whenItsBrowserAsksBeforeAnUpdate_thenThePreflightIsAnsweredWithoutAToken() {
        web.method(HttpMethod.OPTIONS)
                .uri("/api/products/claims.anything/slos/freshness")
                .header(HttpHeaders.ORIGIN, CATALOG)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CATALOG)
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("PUT"))
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "content-type", "if-match"))
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void givenTheConfiguredOrigin_whenItRegistersAProduct_thenItMayReadTheETagLocationAndCorrelationId() {
        String product = "claims.cors-" + UUID.randomUUID().toString().substring(0, 8);
        web.post()
                .uri("/api/products")
                .header(HttpHeaders.ORIGIN, CATALOG)
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-steward")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"productId":"%s","domain":"claims","name":"Claims","classification":"AUTHORITATIVE","ownerTeam":"claims-core"}"""
                                .formatted(product))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CATALOG)
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("ETag", "Location", "X-Correlation-Id"))
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectHeader()
                .exists(HttpHeaders.LOCATION);
    }

    @Test
    void givenAnotherOrigin_whenItsBrowserAsks_thenRefusedWithoutAnyAllowance() {
        web.method(HttpMethod.OPTIONS)
                .uri("/api/products")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example.net")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.get()
                .uri("/api/products")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example.net")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-viewer")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void givenNoToken_whenTheOpenApiExplorerIsOpened_thenItLoadsAndItsCallsStillNeedOne() {
        String location = web.get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        web.get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("swagger-ui"));
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.security[0].bearer")
                .exists();
        web.get().uri("/api/products").exchange().expectStatus().isUnauthorized();
    }
}
