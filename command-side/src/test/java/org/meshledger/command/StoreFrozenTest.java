package org.meshledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.StoreProxy;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A store that stops answering, as a frozen process or a dead network path does, leaving its connections open: a
 * command is answered 503 within its bound instead of hanging, health says DOWN, and once the store answers again
 * the same command, retried with its key, lands once.
 */
class StoreFrozenTest {

    private static final String PRODUCT = "claims.frozen-store";
    private static StoreProxy proxy;
    private static ConfigurableApplicationContext commandSide;
    private static WebTestClient web;

    @BeforeAll
    static void startACommandSideBehindTheProxy() throws Exception {
        proxy = StoreProxy.before(TestStore.uri());
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.REACTIVE)
                .run(
                        "--spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                        "--spring.data.mongodb.uri=" + proxy.uri(),
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--meshledger.store.connection.read-timeout=3s",
                        "--meshledger.store.connection.server-selection-timeout=2s",
                        "--meshledger.store.connection.pool-wait-timeout=2s",
                        "--meshledger.store.connection.health-timeout=1s",
                        // the claim the frozen store took in late is free again soon
                        "--meshledger.idempotency.in-flight-lease=3s");
        int port = ((WebServerApplicationContext) commandSide).getWebServer().getPort();
        web = TestClients.to(port, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        proxy.restore();
        commandSide.close();
        proxy.close();
    }

    @Test
    void givenTheStoreStopsAnswering_whenACommandIsSent_thenA503WithRetryAfterAndHealthDownThenItLandsOnceOnRetry() {
        register().expectStatus().isCreated();
        proxy.freeze();

        Instant sent = Instant.now();
        transfer()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("STORE_UNAVAILABLE");
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(10));
        web.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        proxy.restore();
        Instant giveUp = Instant.now().plusSeconds(30);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(giveUp)) {
            EntityExchangeResult<byte[]> answer = transfer().expectBody().returnResult();
            status = answer.getStatus().value();
        }
        assertThat(status)
                .as("the retried transfer lands once the store answers")
                .isEqualTo(200);
        assertThat(TestStore.client()
                        .getDatabase("meshledger")
                        .getCollection("events")
                        .countDocuments(Filters.eq("aggregateIdentifier", PRODUCT)))
                .as("the product's events: its registration and the one transfer")
                .isEqualTo(2);
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec register() {
        return web.post()
                .uri("/api/products")
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"productId":"%s","domain":"claims","name":"Frozen store","classification":"AUTHORITATIVE",
                         "ownerTeam":"claims-core"}"""
                                .formatted(PRODUCT))
                .exchange();
    }

    private static WebTestClient.ResponseSpec transfer() {
        return web.post()
                .uri("/api/products/" + PRODUCT + "/ownership-transfers")
                .header("Authorization", "Bearer dev-steward")
                .header("Idempotency-Key", "frozen-store-transfer")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fromTeam\":\"claims-core\",\"toTeam\":\"claims-platform\",\"reason\":\"reorg\"}")
                .exchange();
    }
}
