package org.meshledger.command.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.testing.TestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The write API as integrations use it: versions and ETags, If-Match, idempotent retries, observation feeds. */
class ProductWriteApiTest extends CommandSideWebTest {

    @Autowired
    private EventStore eventStore;

    private String productId;
    private String product;

    @BeforeEach
    void registerOne() {
        productId = newProductId();
        product = "/api/products/" + productId;
    }

    @Test
    void givenNewProduct_whenRegistered_then201WithLocationAndVersionZero() {
        register(productId, "claims-core")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", product)
                .expectHeader()
                .valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.productId")
                .isEqualTo(productId)
                .jsonPath("$.version")
                .isEqualTo(0);
        register(productId, "claims-core")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PRODUCT_ALREADY_REGISTERED");
    }

    @Test
    void givenProduct_whenTransferredWithMatchingIfMatch_thenVersionMovesOnAndStaleIfMatchIs412() {
        register(productId, "claims-core").expectStatus().isCreated();
        web.post()
                .uri(product + "/ownership-transfers")
                .header("Authorization", "Bearer " + INTEGRATION)
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fromTeam\":\"claims-core\",\"toTeam\":\"claims-platform\",\"reason\":\"reorg\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1);
        long before = TestStore.storedEvents();
        web.post()
                .uri(product + "/ownership-transfers")
                .header("Authorization", "Bearer " + INTEGRATION)
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fromTeam\":\"claims-platform\",\"toTeam\":\"claims-core\",\"reason\":\"back\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VERSION_MISMATCH");
        assertThat(TestStore.storedEvents()).isEqualTo(before);
    }

    @Test
    void givenARetriedRequest_whenSentWithTheSameIdempotencyKey_thenFirstAnswerReturnedAndNothingNewRecorded() {
        register(productId, "claims-core").expectStatus().isCreated();
        String body = "{\"consumerTeam\":\"fraud-analytics\",\"contractMajor\":1}";
        byte[] first = keyedConsumer("retry-" + productId, body)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        long after = TestStore.storedEvents();
        byte[] repeat = keyedConsumer("retry-" + productId, body)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("ETag", "\"1\"")
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(repeat).isEqualTo(first);
        assertThat(TestStore.storedEvents()).isEqualTo(after);
        assertThat(events())
                .extracting(DomainEventMessage::getPayloadType)
                .extracting(Class::getSimpleName)
                .containsExactly("DataProductRegistered", "ConsumerRegistered");
    }

    @Test
    void givenAnIdenticalSlo_whenPutAgain_thenUnchangedAndVersionKept() {
        register(productId, "claims-core").expectStatus().isCreated();
        String slo = "{\"threshold\":3600,\"target\":0.99,\"window\":\"P30D\"}";
        send("PUT", product + "/slos/freshness", STEWARD, slo)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.change")
                .isEqualTo("DEFINED")
                .jsonPath("$.version")
                .isEqualTo(1);
        send("PUT", product + "/slos/freshness", STEWARD, slo)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.change")
                .isEqualTo("UNCHANGED")
                .jsonPath("$.version")
                .isEqualTo(1);
        send("PUT", product + "/slos/freshness", STEWARD, "{\"threshold\":21600,\"target\":0.99,\"window\":\"P30D\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.change")
                .isEqualTo("LOOSENED")
                .jsonPath("$.version")
                .isEqualTo(2);
    }

    @Test
    void givenManyObservations_whenRecorded_thenTheProductStreamDoesNotGrow() {
        register(productId, "claims-core").expectStatus().isCreated();
        send("PUT", product + "/slos/freshness", STEWARD, "{\"threshold\":3600,\"target\":0.99,\"window\":\"P30D\"}")
                .expectStatus()
                .isOk();
        String batch = IntStream.range(0, 200)
                .mapToObj(i -> "{\"indicator\":\"freshness\",\"value\":%d,\"observedAt\":\"%s\"}"
                        .formatted(i * 30, Instant.now().minusSeconds(i)))
                .collect(Collectors.joining(",", "[", "]"));
        long before = TestStore.storedEvents();
        send("POST", product + "/sli-observations", INTEGRATION, batch)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .doesNotExist("ETag")
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(200)
                .jsonPath("$.version")
                .doesNotExist();
        assertThat(TestStore.storedEvents()).isEqualTo(before + 200);
        assertThat(events()).hasSize(2);
        send("POST", product + "/deprecation", STEWARD, "{\"reason\":\"superseded\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2);
    }

    @Test
    void givenAFeedForManyProducts_whenSomeLinesAreBad_thenTheRestIsRecordedAndEachBadLineReported() {
        register(productId, "claims-core").expectStatus().isCreated();
        send("PUT", product + "/slos/availability", STEWARD, "{\"threshold\":0.99,\"target\":0.9,\"window\":\"P7D\"}")
                .expectStatus()
                .isOk();
        String at = Instant.now().minusSeconds(60).toString();
        String feed = String.join(
                "\n",
                List.of(
                        "{\"productId\":\"%s\",\"indicator\":\"availability\",\"value\":1,\"observedAt\":\"%s\"}"
                                .formatted(productId, at),
                        "{\"productId\":\"claims.unknown-product\",\"indicator\":\"availability\",\"value\":1,\"observedAt\":\"%s\"}"
                                .formatted(at),
                        "this is not json",
                        "{\"productId\":\"%s\",\"indicator\":\"latency\",\"value\":5,\"observedAt\":\"%s\"}"
                                .formatted(productId, at),
                        "{\"productId\":\"%s\",\"indicator\":\"availability\",\"value\":7,\"observedAt\":\"%s\"}"
                                .formatted(productId, at),
                        "{\"productId\":\"%s\",\"indicator\":\"availability\",\"value\":0.5,\"observedAt\":\"%s\"}"
                                .formatted(productId, at)));
        long before = TestStore.storedEvents();
        web.post()
                .uri("/api/sli-observations")
                .header("Authorization", "Bearer " + INTEGRATION)
                .contentType(MediaType.APPLICATION_NDJSON)
                .bodyValue(feed)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(2)
                .jsonPath("$.rejected[*].line")
                .isEqualTo(List.of(2, 3, 4, 5))
                .jsonPath("$.rejected[0].code")
                .isEqualTo("PRODUCT_NOT_FOUND")
                .jsonPath("$.rejected[2].code")
                .isEqualTo("NO_SUCH_SLO");
        assertThat(TestStore.storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void givenAWrite_thenItsEventNamesTheActorTheCorrelationIdAndTheIdempotencyKey() {
        web.post()
                .uri("/api/products")
                .header("Authorization", "Bearer " + INTEGRATION)
                .header("X-Correlation-Id", "pipeline-run-42")
                .header("Idempotency-Key", "register-" + productId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"productId":"%s","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"t"}"""
                                .formatted(productId))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("X-Correlation-Id", "pipeline-run-42");
        assertThat(events()).singleElement().satisfies(event -> assertThat(event.getMetaData())
                .containsEntry("actor", "integration@example.org")
                .containsEntry("correlationId", "pipeline-run-42")
                .containsEntry("idempotencyKey", "register-" + productId));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec keyedConsumer(
            String key, String body) {
        return web.post()
                .uri(product + "/consumers")
                .header("Authorization", "Bearer " + INTEGRATION)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private List<? extends DomainEventMessage<?>> events() {
        return eventStore.readEvents(productId).asStream().toList();
    }
}
