package org.meshledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.testing.TestStore;
import org.springframework.http.MediaType;

/** No write gets through without a token, or with a role that only reads, and none of them records anything. */
class WriteSecurityTest extends CommandSideWebTest {

    private static final String PRODUCT = "claims.secured-product";

    static Stream<Arguments> writes() {
        String product = "/api/products/" + PRODUCT;
        return Stream.of(
                Arguments.of(
                        "POST",
                        "/api/products",
                        """
                        {"productId":"claims.other","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"t"}"""),
                Arguments.of(
                        "POST",
                        product + "/ownership-transfers",
                        """
                        {"fromTeam":"claims-core","toTeam":"x","reason":"r"}"""),
                Arguments.of(
                        "PUT",
                        product + "/slos/freshness",
                        """
                        {"threshold":3600,"target":0.99,"window":"P30D"}"""),
                Arguments.of("DELETE", product + "/slos/freshness", null),
                Arguments.of(
                        "POST",
                        product + "/sli-observations",
                        """
                        {"indicator":"freshness","value":1,"observedAt":"2026-01-01T00:00:00Z"}"""),
                Arguments.of(
                        "POST",
                        product + "/consumers",
                        """
                        {"consumerTeam":"fraud","contractMajor":1}"""),
                Arguments.of("DELETE", product + "/consumers/fraud", null),
                Arguments.of("POST", product + "/deprecation", """
                        {"reason":"r"}"""),
                Arguments.of("POST", product + "/retirement", """
                        {"reason":"r"}"""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void givenNoToken_whenWriting_then401AndNothingRecorded(String method, String path, String body) {
        ensureProduct();
        long before = TestStore.storedEvents();
        send(method, path, null, body)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHENTICATED");
        assertThat(TestStore.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void givenReadOnlyRoles_whenWriting_then403AndNothingRecorded(String method, String path, String body) {
        ensureProduct();
        long before = TestStore.storedEvents();
        for (String readOnly : new String[] {VIEWER, AUDITOR}) {
            send(method, path, readOnly, body)
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(TestStore.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void givenAnUnknownToken_whenWriting_then401(String method, String path, String body) {
        send(method, path, "not-a-token", body).expectStatus().isUnauthorized();
    }

    private void ensureProduct() {
        register(PRODUCT, "claims-core").expectStatus().value(status -> assertThat(status)
                .isIn(201, 409));
    }
}
