package org.meshledger.command.product;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.command.CommandSideApplication;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two command-side replicas on one store, a client going to either: each replica keeps the products it served
 * loaded, and a product the other replica has changed since must be judged as it now is, not as this replica last
 * saw it.
 */
class TwoCommandSidesTest extends CommandSideWebTest {

    private static ConfigurableApplicationContext otherReplica;
    private WebTestClient other;
    private String productId;

    @BeforeAll
    static void startTheOtherReplica() {
        otherReplica = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.REACTIVE)
                .run(
                        "--spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                        "--spring.data.mongodb.uri=" + TestStore.uri(),
                        "--server.port=0",
                        "--server.address=127.0.0.1");
    }

    @AfterAll
    static void stopTheOtherReplica() {
        otherReplica.close();
    }

    @BeforeEach
    void aProductBothReplicasHaveLoaded() {
        int port = ((WebServerApplicationContext) otherReplica).getWebServer().getPort();
        other = TestClients.to(port, Duration.ofSeconds(15));
        productId = newProductId();
        register(productId, "claims-core").expectStatus().isCreated();
        transfer(web, "claims-core", "claims-platform", "\"0\"").expectStatus().isOk();
        transfer(other, "claims-platform", "claims-core", "\"1\"")
                .expectStatus()
                .isOk();
    }

    @Test
    void givenTheOtherReplicaTransferredTheProduct_whenThisOneIsAskedToTransferOnFromTheNewOwner_thenItIsAccepted() {
        transfer(web, "claims-core", "claims-platform", null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"3\"");
    }

    @Test
    void givenTheOtherReplicaTransferredTheProduct_whenThisOneGetsTheCurrentVersionAsIfMatch_thenItIsAccepted() {
        transfer(web, "claims-core", "claims-platform", "\"2\"").expectStatus().isOk();
    }

    @Test
    void givenTheOtherReplicaTransferredTheProduct_whenThisOneGetsTheVersionItLastSaw_thenItIsRefusedAsStale() {
        transfer(web, "claims-core", "claims-platform", "\"1\"").expectStatus().isEqualTo(412);
    }

    private WebTestClient.ResponseSpec transfer(WebTestClient replica, String from, String to, String ifMatch) {
        WebTestClient.RequestBodySpec request = replica.post()
                .uri("/api/products/" + productId + "/ownership-transfers")
                .header("Authorization", "Bearer " + STEWARD)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.bodyValue("{\"fromTeam\":\"%s\",\"toTeam\":\"%s\",\"reason\":\"reorg\"}".formatted(from, to))
                .exchange();
    }
}
