package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint × every kind of caller, with production authentication (JWTs from an issuer the test runs): the
 * expected status, and for every refusal an event store left exactly as it was.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME,
            // the subscriptions under test name a receiver on 127.0.0.1, which is never told anything
            "meshledger.notifications.allow-http=true",
            "meshledger.notifications.allowed-private-targets=127.0.0.1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// tests leave metrics export off unless asked; /actuator/prometheus is one of the endpoints under test
@AutoConfigureObservability
class AuthorizationMatrixTest {

    private static final String EVENTS_DATABASE = "authz_events";
    private static final String READ = "claims.matrix-read";
    private static final String DRIFT_STREAM = "/api/drift/stream";
    private static final String YAML_CONTRACT =
            """
            apiVersion: v3.0.2
            kind: DataContract
            id: matrix-contract
            version: 1.0.0
            status: active
            schema:
              - name: claims
                properties:
                  - name: claim_id
                    logicalType: string
            """;
    private static final String SUBSCRIBER = "matrix-subscriber";
    private static TestIssuer issuer;
    private String subscription;

    enum Caller {
        NO_TOKEN,
        VIEWER,
        AUDITOR,
        INTEGRATION_OF_THE_DOMAIN,
        INTEGRATION_OF_ANOTHER_DOMAIN,
        STEWARD,
        EXPIRED_JWT,
        UNKNOWN_ISSUER,
        BAD_SIGNATURE,
        OTHER_AUDIENCE,
        NO_AUDIENCE,
        ALG_NONE,
        PUBLIC_KEY_AS_HMAC_SECRET,
        CLAIMS_CHANGED_AFTER_SIGNING
    }

    /** Who may: the kinds of endpoint, each with the callers it serves. */
    enum Access {
        PUBLIC,
        READ,
        AUDIT,
        SUBSCRIPTION_READ,
        DOMAIN_WRITE,
        GOVERNANCE,
        HIDDEN_ACTUATOR
    }

    @LocalServerPort
    private int port;

    private WebTestClient web;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final AtomicInteger fresh = new AtomicInteger();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        issuer = new TestIssuer();
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> EVENTS_DATABASE);
        registry.add("meshledger.store.views-database", () -> "authz_views");
        registry.add("meshledger.security.jwt.issuer", () -> TestIssuer.ISSUER);
        registry.add("meshledger.security.jwt.jwk-set-uri", issuer::jwkSetUri);
        registry.add("meshledger.security.jwt.audiences", () -> TestIssuer.AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeAll
    void prepare() {
        web = TestClients.to(port, Duration.ofSeconds(20));
        tokens.put(Caller.VIEWER, issuer.token("viewer@example.org", List.of("VIEWER"), List.of()));
        tokens.put(Caller.AUDITOR, issuer.token("auditor@example.org", List.of("AUDITOR"), List.of()));
        tokens.put(
                Caller.INTEGRATION_OF_THE_DOMAIN,
                issuer.token("claims-pipeline@example.org", List.of("INTEGRATION"), List.of("claims")));
        tokens.put(
                Caller.INTEGRATION_OF_ANOTHER_DOMAIN,
                issuer.token("billing-pipeline@example.org", List.of("INTEGRATION"), List.of("billing")));
        tokens.put(Caller.STEWARD, issuer.token("steward@example.org", List.of("STEWARD"), List.of()));
        tokens.put(Caller.EXPIRED_JWT, issuer.expired("steward@example.org", List.of("STEWARD")));
        tokens.put(Caller.UNKNOWN_ISSUER, issuer.fromUnknownIssuer("steward@example.org", List.of("STEWARD")));
        tokens.put(Caller.BAD_SIGNATURE, issuer.withBadSignature("steward@example.org", List.of("STEWARD")));
        tokens.put(Caller.OTHER_AUDIENCE, issuer.forAnotherAudience("steward@example.org", List.of("STEWARD")));
        tokens.put(Caller.NO_AUDIENCE, issuer.withoutAudience("steward@example.org", List.of("STEWARD")));
        tokens.put(Caller.ALG_NONE, issuer.unsigned("steward@example.org", List.of("STEWARD")));
        tokens.put(
                Caller.PUBLIC_KEY_AS_HMAC_SECRET,
                issuer.signedWithThePublicKeyAsSecret("steward@example.org", List.of("STEWARD")));
        tokens.put(
                Caller.CLAIMS_CHANGED_AFTER_SIGNING,
                issuer.withClaimsChangedAfterSigning("viewer@example.org", List.of("STEWARD")));
        register(READ);
        asSteward(HttpMethod.PUT, "/api/products/" + READ + "/slos/freshness", json(SLO));
        asSteward(HttpMethod.POST, "/api/products/" + READ + "/contract-versions", YAML_CONTRACT);
        asSteward(HttpMethod.POST, "/api/teams", json("{\"team\":\"matrix-team\",\"domain\":\"claims\"}"));
        asSteward(HttpMethod.POST, "/api/audit/checkpoints", null);
        asSteward(HttpMethod.POST, "/api/teams", json("{\"team\":\"" + SUBSCRIBER + "\",\"domain\":\"claims\"}"));
        subscription = new org.meshledger.platform.testing.JsonCalls(web)
                .call(tokens.get(Caller.STEWARD), HttpMethod.POST, "/api/subscriptions", subscriptionBody(), 201)
                .path("subscriptionId")
                .asText();
        awaitOk("/api/subscriptions/" + subscription);
        awaitOk("/api/products/" + READ + "?minVersion=1");
        awaitOk("/api/teams/matrix-team");
        awaitOk("/api/products/" + READ + "/contract-diff");
    }

    /** Views follow the log within milliseconds; the reads below must not meet one still catching up. */
    private void awaitOk(String path) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (web.get()
                        .uri(path)
                        .header("Authorization", "Bearer " + tokens.get(Caller.STEWARD))
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()
                != 200) {
            assertThat(Instant.now()).as("%s answered within 15 s", path).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    /** A subscription for the claims team, to a receiver it is never told anything (no product of it retires). */
    private static String subscriptionBody() {
        return """
                {"subscriberTeam":"%s","url":"http://127.0.0.1:9/hooks","kinds":["org.meshledger.product.retired"],
                 "scope":{"product":"%s"}}"""
                .formatted(SUBSCRIBER, READ);
    }

    private static final String SLO = "{\"threshold\":3600,\"target\":0.99,\"window\":\"P30D\"}";

    @Test
    void givenAJwtIssuerConfigured_whenADevelopmentTokenIsSent_thenItIsRefused() {
        for (String development : List.of("dev-steward", "dev-integration", "dev-auditor", "dev-viewer")) {
            web.get()
                    .uri("/api/products")
                    .header("Authorization", "Bearer " + development)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    @Test
    void givenNoAllowedOrigins_whenAnotherOriginsPageAsks_thenNoCrossOriginAllowanceIsGiven() {
        web.method(HttpMethod.OPTIONS)
                .uri("/api/products")
                .header("Origin", "https://catalog.example.org")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
        web.get()
                .uri("/api/products")
                .header("Origin", "https://catalog.example.org")
                .header("Authorization", "Bearer " + tokens.get(Caller.VIEWER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(
                        caller + " " + endpoint.method() + " " + endpoint.path().apply("{product}"),
                        () -> check(endpoint, caller)));
            }
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, Caller caller) {
        int expected = expected(endpoint, caller);
        boolean refused = expected == 401 || expected == 403;
        String product = READ;
        if (!refused && endpoint.access() == Access.DOMAIN_WRITE) {
            product = "claims.matrix-" + fresh.incrementAndGet();
            register(product);
            for (Request preparation : endpoint.prepare().apply(product)) {
                asSteward(preparation.method(), preparation.path(), preparation.body());
            }
        }
        long before = storedEvents();
        Body body = endpoint.body() == null ? null : endpoint.body().apply(product);
        WebTestClient.RequestBodySpec request =
                web.method(endpoint.method()).uri(endpoint.path().apply(product));
        if (tokens.containsKey(caller)) {
            request.header("Authorization", "Bearer " + tokens.get(caller));
        }
        if (endpoint.path().apply(product).equals(DRIFT_STREAM)) {
            assertThat(streamStatus(request)).isEqualTo(expected);
            return;
        }
        WebTestClient.ResponseSpec response = body == null
                ? request.exchange()
                : request.contentType(body.type()).bodyValue(body.content()).exchange();
        response.expectStatus().isEqualTo(expected);
        if (refused) {
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(storedEvents()).as("a refusal records nothing").isEqualTo(before);
        }
    }

    /** A live stream never ends: its status is read from the headers, and the stream is then let go. */
    private static int streamStatus(WebTestClient.RequestBodySpec request) {
        var result = request.accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class);
        result.getResponseBody().take(Duration.ofMillis(50)).blockLast(Duration.ofSeconds(5));
        return result.getStatus().value();
    }

    private static int expected(Endpoint endpoint, Caller caller) {
        switch (caller) {
            case EXPIRED_JWT,
                    UNKNOWN_ISSUER,
                    BAD_SIGNATURE,
                    OTHER_AUDIENCE,
                    NO_AUDIENCE,
                    ALG_NONE,
                    PUBLIC_KEY_AS_HMAC_SECRET,
                    CLAIMS_CHANGED_AFTER_SIGNING:
                return 401;
            case NO_TOKEN:
                return endpoint.access() == Access.PUBLIC ? endpoint.success() : 401;
            default:
                break;
        }
        boolean allowed =
                switch (endpoint.access()) {
                    case PUBLIC, READ -> true;
                    case AUDIT -> caller == Caller.AUDITOR || caller == Caller.STEWARD;
                        // a viewer may not see where a team's endpoints are; an integration sees its own domains' only
                    case SUBSCRIPTION_READ -> caller != Caller.VIEWER;
                    case DOMAIN_WRITE -> caller == Caller.INTEGRATION_OF_THE_DOMAIN || caller == Caller.STEWARD;
                    case GOVERNANCE, HIDDEN_ACTUATOR -> caller == Caller.STEWARD;
                };
        return allowed ? endpoint.success() : 403;
    }

    private List<Endpoint> endpoints() {
        String future = Instant.now().plus(Duration.ofDays(60)).toString();
        String observation = "{\"indicator\":\"freshness\",\"value\":60,\"observedAt\":\"" + Instant.now() + "\"}";
        Function<String, List<Request>> nothing = product -> List.of();
        Function<String, List<Request>> slo =
                product -> List.of(new Request(HttpMethod.PUT, "/api/products/" + product + "/slos/freshness", SLO));
        Function<String, List<Request>> contract = product ->
                List.of(new Request(HttpMethod.POST, "/api/products/" + product + "/contract-versions", YAML_CONTRACT));
        List<Endpoint> all = new ArrayList<>();
        for (String path :
                List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/swagger-ui/index.html")) {
            all.add(Endpoint.get(Access.PUBLIC, path));
        }
        for (String path : List.of(
                "/api/products",
                "/api/products/" + READ,
                "/api/products/" + READ + "/ownership-history",
                "/api/teams/claims-core/ownership-history",
                "/api/products/" + READ + "/contract-versions",
                "/api/products/" + READ + "/contract-diff",
                "/api/products/" + READ + "/drift",
                "/api/drift",
                "/api/compliance",
                "/api/compliance/domains/claims",
                "/api/compliance/products/" + READ,
                "/api/teams",
                "/api/teams/matrix-team",
                "/api/ownership/outside-domain",
                "/api/ownership/orphaned",
                DRIFT_STREAM)) {
            all.add(Endpoint.get(Access.READ, path));
        }
        for (String path : List.of(
                "/api/audit/products/" + READ + "/events",
                "/api/audit/products/" + READ + "/verify",
                "/api/audit/verify",
                "/api/audit/checkpoints/latest")) {
            all.add(Endpoint.get(Access.AUDIT, path));
        }
        all.add(Endpoint.get(Access.SUBSCRIPTION_READ, "/api/subscriptions"));
        all.add(Endpoint.write(
                HttpMethod.POST, product -> "/api/subscriptions", product -> json(subscriptionBody()), nothing, 201));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/subscriptions/" + subscription + "/replay",
                product -> json("{\"since\":\"2026-01-01T00:00:00Z\"}"),
                nothing,
                202));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/ownership-transfers",
                product -> json("{\"fromTeam\":\"claims-core\",\"toTeam\":\"claims-platform\",\"reason\":\"r\"}"),
                nothing,
                200));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/contract-versions",
                product -> new Body(MediaType.parseMediaType("application/yaml"), YAML_CONTRACT),
                nothing,
                201));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/contract-versions/1.0.0/deprecation",
                product -> json("{\"sunsetAt\":\"" + future + "\",\"reason\":\"r\"}"),
                contract,
                200));
        all.add(Endpoint.write(
                HttpMethod.PUT,
                product -> "/api/products/" + product + "/slos/latency",
                product -> json("{\"threshold\":500,\"target\":0.99,\"window\":\"P30D\"}"),
                nothing,
                200));
        all.add(Endpoint.write(
                HttpMethod.DELETE, product -> "/api/products/" + product + "/slos/freshness", null, slo, 200));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/sli-observations",
                product -> json(observation),
                slo,
                202));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/consumers",
                product -> json("{\"consumerTeam\":\"fraud\",\"contractMajor\":1}"),
                nothing,
                201));
        all.add(Endpoint.write(
                HttpMethod.DELETE,
                product -> "/api/products/" + product + "/consumers/fraud",
                null,
                product -> List.of(new Request(
                        HttpMethod.POST,
                        "/api/products/" + product + "/consumers",
                        "{\"consumerTeam\":\"fraud\",\"contractMajor\":1}")),
                200));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/deprecation",
                product -> json("{\"reason\":\"r\"}"),
                nothing,
                200));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products/" + product + "/retirement",
                product -> json("{\"reason\":\"r\"}"),
                nothing,
                200));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/products",
                product -> json(registration("claims.registered-" + fresh.incrementAndGet())),
                nothing,
                201));
        all.add(Endpoint.write(
                HttpMethod.POST,
                product -> "/api/sli-observations",
                product -> new Body(
                        MediaType.parseMediaType("application/x-ndjson"),
                        "{\"productId\":\"" + product + "\",\"indicator\":\"freshness\",\"value\":60,"
                                + "\"observedAt\":\"" + Instant.now() + "\"}\n"),
                slo,
                202));
        all.add(Endpoint.governance(
                HttpMethod.POST,
                "/api/teams",
                () -> json("{\"team\":\"team-" + fresh.incrementAndGet() + "\",\"domain\":\"claims\"}"),
                201));
        all.add(Endpoint.governance(
                HttpMethod.POST,
                "/api/teams/matrix-team/domain-moves",
                () -> json("{\"toDomain\":\"domain-" + fresh.incrementAndGet() + "\",\"reason\":\"reorg\"}"),
                200));
        all.add(Endpoint.governance(HttpMethod.POST, "/api/audit/checkpoints", null, 201));
        all.add(Endpoint.governance(HttpMethod.GET, "/api/admin/projections", null, 200));
        all.add(new Endpoint(Access.HIDDEN_ACTUATOR, HttpMethod.GET, product -> "/actuator/env", null, nothing, 404));
        all.add(new Endpoint(
                Access.HIDDEN_ACTUATOR, HttpMethod.GET, product -> "/actuator/metrics", null, nothing, 404));
        // last: a replay empties the catalog for a moment, which the reads above must not meet
        all.add(Endpoint.governance(HttpMethod.POST, "/api/admin/projections/contract-versions/replay", null, 202));
        return all;
    }

    private void register(String product) {
        asSteward(HttpMethod.POST, "/api/products", json(registration(product)));
    }

    private static String registration(String product) {
        return """
                {"productId":"%s","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"claims-core"}"""
                .formatted(product);
    }

    private void asSteward(HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request =
                web.method(method).uri(path).header("Authorization", "Bearer " + tokens.get(Caller.STEWARD));
        WebTestClient.ResponseSpec response;
        if (body == null) {
            response = request.exchange();
        } else {
            Body typed = body instanceof Body given
                    ? given
                    : ((String) body).startsWith("apiVersion")
                            ? new Body(MediaType.parseMediaType("application/yaml"), (String) body)
                            : json((String) body);
            response =
                    request.contentType(typed.type()).bodyValue(typed.content()).exchange();
        }
        response.expectStatus().is2xxSuccessful();
    }

    private static Body json(String content) {
        return new Body(MediaType.APPLICATION_JSON, content);
    }

    private static long storedEvents() {
        return TestStore.client()
                .getDatabase(EVENTS_DATABASE)
                .getCollection("events")
                .countDocuments(com.mongodb.client.model.Filters.ne("placeholder", true));
    }

    record Body(MediaType type, String content) {}

    record Request(HttpMethod method, String path, String body) {}

    record Endpoint(
            Access access,
            HttpMethod method,
            Function<String, String> path,
            Function<String, Body> body,
            Function<String, List<Request>> prepare,
            int success) {

        static Endpoint get(Access access, String path) {
            return new Endpoint(access, HttpMethod.GET, product -> path, null, product -> List.of(), 200);
        }

        static Endpoint write(
                HttpMethod method,
                Function<String, String> path,
                Function<String, Body> body,
                Function<String, List<Request>> prepare,
                int success) {
            return new Endpoint(Access.DOMAIN_WRITE, method, path, body, prepare, success);
        }

        static Endpoint governance(
                HttpMethod method, String path, java.util.function.Supplier<Body> body, int success) {
            return new Endpoint(
                    Access.GOVERNANCE,
                    method,
                    product -> path,
                    body == null ? null : product -> body.get(),
                    product -> List.of(),
                    success);
        }
    }
}
