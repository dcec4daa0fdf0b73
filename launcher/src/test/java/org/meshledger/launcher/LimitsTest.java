package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every cap an API client can run into (OWASP API4, API3): at the cap it is served, one past it is a 4xx problem. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME)
class LimitsTest {

    private static final String EVENTS_DATABASE = "limits_events";
    private static final java.util.concurrent.atomic.AtomicInteger PRODUCTS =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final int MAX_OBSERVATIONS = 10_000;

    @LocalServerPort
    private int port;

    private WebTestClient web;
    private String product;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> EVENTS_DATABASE);
        registry.add("meshledger.store.views-database", () -> "limits_views");
    }

    @BeforeEach
    void productWithAnSlo() {
        web = TestClients.to(port, Duration.ofSeconds(30));
        product = "claims.capped-" + PRODUCTS.incrementAndGet();
        send(
                "POST",
                "/api/products",
                null,
                """
                {"productId":"%s","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"claims-core"}"""
                        .formatted(product));
        send(
                "PUT",
                "/api/products/" + product + "/slos/freshness",
                null,
                """
                {"threshold":3600,"target":0.99,"window":"P30D"}""");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/products",
                "/api/drift",
                "/api/teams",
                "/api/ownership/outside-domain",
                "/api/ownership/orphaned",
                "/api/teams/claims-core/ownership-history"
            })
    void givenAPagedList_whenAskedForMoreThan500Items_thenRefused(String path) {
        web.get()
                .uri(path + "?size=500")
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk();
        problem(
                web.get()
                        .uri(path + "?size=501")
                        .header("Authorization", "Bearer dev-viewer")
                        .exchange(),
                400);
    }

    @Test
    void givenMoreObservationsThanABatchHolds_whenSent_thenRefusedWholeAndNothingRecorded() {
        String observation = "{\"indicator\":\"freshness\",\"value\":60,\"observedAt\":\""
                + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}";
        String tooMany = IntStream.range(0, MAX_OBSERVATIONS + 1)
                .mapToObj(index -> observation)
                .collect(Collectors.joining(",", "[", "]"));
        long before = storedEvents();
        problem(exchange("POST", "/api/products/" + product + "/sli-observations", null, tooMany), 400);
        String feedLine =
                "{\"productId\":\"" + product + "\",\"indicator\":\"freshness\",\"value\":60,\"observedAt\":\""
                        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}";
        String tooManyLines = IntStream.range(0, MAX_OBSERVATIONS + 1)
                .mapToObj(index -> feedLine)
                .collect(Collectors.joining("\n"));
        problem(
                web.post()
                        .uri("/api/sli-observations")
                        .header("Authorization", "Bearer dev-integration")
                        .contentType(MediaType.parseMediaType("application/x-ndjson"))
                        .bodyValue(tooManyLines)
                        .exchange(),
                400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenABodyOverOneMebibyte_whenSent_then413() {
        String padding = "x".repeat(1024 * 1024);
        problem(
                exchange("POST", "/api/products/" + product + "/deprecation", null, "{\"reason\":\"" + padding + "\"}"),
                413);
    }

    @Test
    void givenTextIdsAndKeysPastTheirLengths_whenSent_then400() {
        send(
                "POST",
                "/api/products/" + product + "/consumers",
                "k".repeat(128),
                """
                {"consumerTeam":"fraud","contractMajor":1}""");
        problem(
                exchange(
                        "POST",
                        "/api/products/" + product + "/consumers",
                        "k".repeat(129),
                        """
                        {"consumerTeam":"risk","contractMajor":1}"""),
                400);
        problem(
                exchange(
                        "POST",
                        "/api/products/" + product + "/deprecation",
                        null,
                        "{\"reason\":\"" + "r".repeat(2001) + "\"}"),
                400);
        problem(
                exchange("POST", "/api/teams", null, "{\"team\":\"" + "t".repeat(129) + "\",\"domain\":\"claims\"}"),
                400);
        send("POST", "/api/products/" + product + "/deprecation", null, "{\"reason\":\"" + "r".repeat(2000) + "\"}");
    }

    @Test
    void givenAFieldTheApiDoesNotHave_whenSent_thenRefusedRatherThanIgnored() {
        problem(
                        exchange(
                                "POST",
                                "/api/products/" + product + "/ownership-transfers",
                                null,
                                """
                                {"fromTeam":"claims-core","toTeam":"x","reason":"r","status":"RETIRED"}"""),
                        400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("/status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /actuator/health/%2e%2e/env", "TRACE /api/products"})
    void givenARequestTheFirewallRefuses_whenSent_thenA400Problem(String request) {
        String[] methodAndPath = request.split(" ");
        problem(
                        web.method(org.springframework.http.HttpMethod.valueOf(methodAndPath[0]))
                                .uri(java.net.URI.create("http://localhost:" + port + methodAndPath[1]))
                                .header("Authorization", "Bearer dev-viewer")
                                .exchange(),
                        400)
                .jsonPath("$.code")
                .isEqualTo("REQUEST_REJECTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/products?domain=%zz", "/api/products/claims.a|b", "/actuator/prometheus?name=%"})
    void givenARequestTargetThatIsNotAUri_whenSent_thenA400Problem_andTheConnectionCloses(String target)
            throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + target
                                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer dev-viewer\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // the server closes the connection after its answer, so reading to the end returns
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer)
                    .startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"REQUEST_REJECTED\"")
                    .contains("\"status\":400")
                    .contains("not a valid URI");
        }
    }

    /** Observations are stored as events too, on a stream of their own per product. */
    private static long storedEvents() {
        return TestStore.client()
                .getDatabase(EVENTS_DATABASE)
                .getCollection("events")
                .countDocuments();
    }

    private WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status);
    }

    private void send(String method, String path, String idempotencyKey, String body) {
        exchange(method, path, idempotencyKey, body).expectStatus().is2xxSuccessful();
    }

    private WebTestClient.ResponseSpec exchange(String method, String path, String idempotencyKey, String body) {
        WebTestClient.RequestBodySpec request = web.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header("Authorization", "Bearer dev-steward");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
