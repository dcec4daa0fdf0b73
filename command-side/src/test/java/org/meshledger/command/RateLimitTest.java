package org.meshledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestStore;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** One caller's allowance, as an integration sending too fast meets it: a 429 problem telling it when to retry. */
@TestPropertySource(
        properties = {
            "meshledger.rate-limits.enabled=true",
            "meshledger.rate-limits.writes-per-second=1",
            "meshledger.rate-limits.write-burst=3",
            "meshledger.rate-limits.reads-per-second=1",
            "meshledger.rate-limits.read-burst=2"
        })
class RateLimitTest extends CommandSideWebTest {

    @Test
    void givenACallerPastItsBurst_whenItWritesAgain_then429WithRetryAfterAndNothingRecorded() {
        for (int write = 0; write < 3; write++) {
            register(newProductId(), "claims-core").expectStatus().isCreated();
        }
        long before = TestStore.storedEvents();
        String refused = newProductId();
        register(refused, "claims-core")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("RATE_LIMITED")
                .jsonPath("$.retryAfterSeconds")
                .isEqualTo(1)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("1 commands a second", "nothing was recorded"));
        assertThat(TestStore.storedEvents())
                .as("a refused command records nothing")
                .isEqualTo(before);

        register(newProductId(), "claims-core").expectStatus().isEqualTo(429);
        // another caller has an allowance of its own
        send("POST", "/api/products", INTEGRATION, registration(newProductId()))
                .expectStatus()
                .isCreated();
    }

    @Test
    void givenACallerPastItsReadBurst_whenItReadsAgain_then429ButHealthIsAlwaysAnswered() {
        for (int read = 0; read < 2; read++) {
            apiDocs().expectStatus().isOk();
        }
        apiDocs().expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        for (int probe = 0; probe < 5; probe++) {
            web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }

    @Test
    void givenARefusedCaller_whenItWaitsTheRetryAfter_thenItIsServedAgain() throws InterruptedException {
        String token = AUDITOR;
        send("GET", "/v3/api-docs", token, null);
        send("GET", "/v3/api-docs", token, null);
        String retryAfter = send("GET", "/v3/api-docs", token, null)
                .expectStatus()
                .isEqualTo(429)
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("Retry-After");
        Thread.sleep(
                Duration.ofSeconds(Long.parseLong(retryAfter)).plusMillis(100).toMillis());
        send("GET", "/v3/api-docs", token, null).expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec apiDocs() {
        return send("GET", "/v3/api-docs", STEWARD, null);
    }

    private static String registration(String productId) {
        return """
                {"productId":"%s","domain":"claims","name":"Claim events",
                 "classification":"AUTHORITATIVE","ownerTeam":"claims-core"}"""
                .formatted(productId);
    }
}
