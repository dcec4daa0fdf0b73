package org.meshledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.testing.TestStore;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a careless or hostile client sends: each is a 4xx problem naming the rule, and nothing is recorded. */
class BadInputTest extends CommandSideWebTest {

    private String productId;
    private String products;

    @BeforeEach
    void registerOne() {
        productId = newProductId();
        products = "/api/products/" + productId;
        register(productId, "claims-core").expectStatus().isCreated();
        send(
                        "PUT",
                        products + "/slos/freshness",
                        STEWARD,
                        """
                {"threshold":3600,"target":0.99,"window":"P30D"}""")
                .expectStatus()
                .isOk();
    }

    @Test
    void givenMalformedJson_whenRegistering_then400() {
        refused(() -> send("POST", "/api/products", STEWARD, "{\"productId\":"), 400, "UNREADABLE_REQUEST");
    }

    @Test
    void givenAFieldTwice_whenWriting_then400NamingIt() {
        refused(
                () -> send(
                        "PUT",
                        products + "/slos/freshness",
                        STEWARD,
                        """
                {"threshold":3600,"threshold":60,"target":0.99,"window":"P30D"}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.detail",
                "The body is not well-formed JSON: Duplicate field 'threshold'");
    }

    @Test
    void givenWrongTypes_whenWriting_then400NamingTheField() {
        refused(
                () -> send(
                        "POST",
                        "/api/products",
                        STEWARD,
                        """
                {"productId":"claims.x","domain":"claims","name":"n","classification":5,"ownerTeam":"t"}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.errors[0].field",
                "/classification");
        refused(
                () -> send(
                        "PUT",
                        products + "/slos/freshness",
                        STEWARD,
                        """
                {"threshold":"an hour","target":0.99,"window":"P30D"}"""),
                400,
                "UNREADABLE_REQUEST");
        refused(
                () -> send(
                        "POST",
                        products + "/consumers",
                        STEWARD,
                        """
                {"consumerTeam":"fraud","contractMajor":"one"}"""),
                400,
                "UNREADABLE_REQUEST");
    }

    @Test
    void givenValuesThatDoNotParse_whenWriting_then400NamingTheFieldAndWhatItTakes() {
        refused(
                () -> send(
                        "POST",
                        products + "/ownership-transfers",
                        STEWARD,
                        """
                {"fromTeam":"claims-core","toTeam":"claims-platform","reason":"r","effectiveAt":"yesterday"}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.detail",
                "/effectiveAt: 'yesterday' is not an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        refused(
                () -> send(
                        "PUT",
                        products + "/slos/freshness",
                        STEWARD,
                        """
                {"threshold":3600,"target":0.99,"window":"30 days"}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.errors[0].message",
                "'30 days' is not an ISO-8601 duration such as P30D");
        refused(
                () -> send(
                        "POST",
                        "/api/products",
                        STEWARD,
                        """
                {"productId":"claims.x","domain":"claims","name":"n","classification":"HUGE","ownerTeam":"t"}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.errors[0].message",
                "'HUGE' is not one of AUTHORITATIVE, BOUNDED_CONTEXT_VIEW, DERIVED, RECONCILED");
        refused(
                () -> send(
                        "POST",
                        products + "/consumers",
                        STEWARD,
                        """
                {"consumerTeam":"fraud","contractMajor":99999999999999999999}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.detail",
                "/contractMajor: The number is out of range");
    }

    @Test
    void givenUnknownFields_whenWriting_then400() {
        refused(
                () -> send(
                        "POST",
                        products + "/ownership-transfers",
                        STEWARD,
                        """
                {"fromTeam":"claims-core","toTeam":"x","reason":"r","owner":"mallory"}"""),
                400,
                "UNREADABLE_REQUEST",
                "$.errors[0].field",
                "/owner");
    }

    @Test
    void givenMissingRequiredFields_whenWriting_then400ListingThem() {
        refused(
                () -> send("POST", products + "/ownership-transfers", STEWARD, "{\"fromTeam\":\"claims-core\"}"),
                400,
                "INVALID_REQUEST",
                "$.errors.length()",
                2);
        refused(() -> send("POST", products + "/deprecation", STEWARD, "{}"), 400, "INVALID_REQUEST");
    }

    @Test
    void givenIdsThatBreakTheFormat_whenWriting_then400() {
        refused(
                () -> send(
                        "POST",
                        "/api/products",
                        STEWARD,
                        """
                {"productId":"Claims.X_1","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"t"}"""),
                400,
                "INVALID_REQUEST");
        refused(
                () -> send(
                        "POST",
                        "/api/products",
                        STEWARD,
                        """
                {"productId":"policy.x","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"t"}"""),
                400,
                "INVALID_REQUEST",
                "$.errors[0].field",
                "/productId");
        refused(
                () -> send(
                        "POST",
                        "/api/products/NOT_AN_ID/ownership-transfers",
                        STEWARD,
                        """
                {"fromTeam":"a","toTeam":"b","reason":"r"}"""),
                400,
                "INVALID_REQUEST");
        refused(
                () -> send(
                        "PUT",
                        products + "/slos/throughput",
                        STEWARD,
                        """
                {"threshold":1,"target":0.99,"window":"P30D"}"""),
                400,
                "INVALID_REQUEST");
    }

    @Test
    void givenOversizeBodies_whenWriting_then413() {
        String huge = "{\"reason\":\"" + "x".repeat(1_100_000) + "\"}";
        refused(() -> send("POST", products + "/deprecation", STEWARD, huge), 413, "REQUEST_TOO_LARGE");
        refused(
                () -> web.post()
                        .uri(products + "/deprecation")
                        .header("Authorization", "Bearer " + STEWARD)
                        .header("Idempotency-Key", "big-one")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(huge)
                        .exchange(),
                413,
                "REQUEST_TOO_LARGE");
    }

    @Test
    void givenUnknownProduct_whenWriting_then404() {
        refused(
                () -> send(
                        "POST",
                        "/api/products/claims.nothing-here/ownership-transfers",
                        STEWARD,
                        """
                {"fromTeam":"a","toTeam":"b","reason":"r"}"""),
                404,
                "PRODUCT_NOT_FOUND");
        refused(
                () -> send(
                        "POST",
                        "/api/products/claims.nothing-here/sli-observations",
                        STEWARD,
                        """
                {"indicator":"freshness","value":1,"observedAt":"2026-01-01T00:00:00Z"}"""),
                404,
                "PRODUCT_NOT_FOUND");
    }

    @Test
    void givenTransferFromATeamThatIsNotTheOwner_then409() {
        refused(
                () -> send(
                        "POST",
                        products + "/ownership-transfers",
                        STEWARD,
                        """
                {"fromTeam":"someone-else","toTeam":"x","reason":"r"}"""),
                409,
                "NOT_CURRENT_OWNER");
    }

    /** The check every refusal above passes is one that can fail: a refusal beside a recorded event is caught. */
    @Test
    void givenARefusalWhileAnEventIsRecorded_thenTheStoreCheckFails() {
        assertThatThrownBy(() -> refused(
                        () -> {
                            keyed("recorded-meanwhile", "{\"threshold\":450,\"target\":0.9,\"window\":\"P1D\"}")
                                    .expectStatus()
                                    .isOk();
                            return send("POST", "/api/products", STEWARD, "{\"productId\":");
                        },
                        400,
                        "UNREADABLE_REQUEST"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a refusal records nothing");
    }

    @Test
    void givenAnIdempotencyKeyReusedWithAnotherBody_then422() {
        WebTestClient.ResponseSpec first = keyed("reused-key", "{\"threshold\":500,\"target\":0.9,\"window\":\"P1D\"}");
        first.expectStatus().isOk();
        long before = TestStore.storedEvents();
        refused(
                () -> keyed("reused-key", "{\"threshold\":400,\"target\":0.9,\"window\":\"P1D\"}"),
                422,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(TestStore.storedEvents()).isEqualTo(before);
    }

    @Test
    void givenObservationForAnIndicatorWithoutSlo_then422AndNothingOfTheBatchRecorded() {
        refused(
                () -> send(
                        "POST",
                        products + "/sli-observations",
                        INTEGRATION,
                        """
                [{"indicator":"freshness","value":10,"observedAt":"2026-01-01T00:00:00Z"},
                 {"indicator":"latency","value":80,"observedAt":"2026-01-01T00:00:00Z"}]"""),
                422,
                "NO_SUCH_SLO",
                "$.errors[0].field",
                "/1");
    }

    @Test
    void givenValuesOutOfRange_then400() {
        refused(
                () -> send(
                        "POST",
                        products + "/sli-observations",
                        INTEGRATION,
                        """
                [{"indicator":"freshness","value":10,"observedAt":"2026-01-01T00:00:00Z"},
                 {"indicator":"freshness","value":-1,"observedAt":"2026-01-01T00:00:00Z"}]"""),
                400,
                "INVALID_REQUEST",
                "$.errors[0].field",
                "/1/value");
        refused(
                () -> send(
                        "PUT",
                        products + "/slos/availability",
                        STEWARD,
                        """
                {"threshold":1.5,"target":0,"window":"PT10M"}"""),
                400,
                "INVALID_REQUEST",
                "$.errors.length()",
                3);
        refused(
                () -> send(
                        "POST",
                        products + "/consumers",
                        STEWARD,
                        """
                {"consumerTeam":"fraud","contractMajor":0}"""),
                400,
                "INVALID_REQUEST");
        refused(
                () -> send(
                        "POST",
                        products + "/ownership-transfers",
                        STEWARD,
                        """
                {"fromTeam":"claims-core","toTeam":"x","reason":"r","effectiveAt":"2026-01-01T00:00:00"}"""),
                400,
                "UNREADABLE_REQUEST");
    }

    @Test
    void givenAnUnreadableIfMatch_then400() {
        refused(
                () -> web.post()
                        .uri(products + "/deprecation")
                        .header("Authorization", "Bearer " + STEWARD)
                        .header("If-Match", "\"latest\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"reason\":\"r\"}")
                        .exchange(),
                400,
                "BAD_REQUEST");
    }

    private WebTestClient.ResponseSpec keyed(String key, String body) {
        return web.put()
                .uri(products + "/slos/latency")
                .header("Authorization", "Bearer " + STEWARD)
                .header("Idempotency-Key", key + productId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private void refused(Supplier<WebTestClient.ResponseSpec> request, int status, String code) {
        refused(request, status, code, "$.status", status);
    }

    /**
     * A refusal is a problem document that names the rule, and leaves the store as it was: the store is counted
     * before the request is sent.
     */
    private void refused(
            Supplier<WebTestClient.ResponseSpec> request, int status, String code, String path, Object value) {
        long before = TestStore.storedEvents();
        request.get()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.type")
                .isEqualTo("urn:meshledger:problem:" + code.toLowerCase().replace('_', '-'))
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath(path)
                .isEqualTo(value);
        assertThat(TestStore.storedEvents()).as("a refusal records nothing").isEqualTo(before);
    }
}
