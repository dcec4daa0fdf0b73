package org.meshledger.command;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The command side over HTTP, on the in-memory store, as an integration would call it. */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + CommandSideApplication.CONFIG_NAME,
            // receivers in tests are plain HTTP servers on loopback
            "meshledger.notifications.allow-http=true",
            "meshledger.notifications.allowed-private-targets=127.0.0.1"
        })
public abstract class CommandSideWebTest {

    protected static final String STEWARD = "dev-steward";
    protected static final String INTEGRATION = "dev-integration";
    protected static final String AUDITOR = "dev-auditor";
    protected static final String VIEWER = "dev-viewer";

    protected WebTestClient web;

    @LocalServerPort
    private int port;

    @BeforeEach
    void connect() {
        web = TestClients.to(port, Duration.ofSeconds(15));
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    /** A product id no other test uses, so tests share one store without seeing each other. */
    protected static String newProductId() {
        return "claims.product-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected WebTestClient.ResponseSpec register(String productId, String ownerTeam) {
        return web.post()
                .uri("/api/products")
                .header("Authorization", "Bearer " + STEWARD)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"productId":"%s","domain":"claims","name":"Claim events",
                         "classification":"AUTHORITATIVE","ownerTeam":"%s"}"""
                                .formatted(productId, ownerTeam))
                .exchange();
    }

    protected WebTestClient.ResponseSpec send(String method, String path, String token, String json) {
        WebTestClient.RequestBodySpec request = web.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return json == null ? request.exchange() : request.bodyValue(json).exchange();
    }
}
