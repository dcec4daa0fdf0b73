package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.JsonCalls;
import org.meshledger.platform.testing.TestClients;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A subscription written through the command side and read back through the query side, never with its secret. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME,
            "meshledger.notifications.allow-http=true",
            "meshledger.notifications.allowed-private-targets=127.0.0.1"
        })
class SubscriptionsReadTest {

    @LocalServerPort
    private int port;

    private WebTestClient web;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        org.meshledger.platform.testing.TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "subscriptions_events");
        registry.add("meshledger.store.views-database", () -> "subscriptions_views");
    }

    @BeforeEach
    void client() {
        web = TestClients.to(port, Duration.ofSeconds(20));
    }

    @Test
    void givenASubscription_whenReadAfterEachChange_thenItsStateAndNeverItsSecret() {
        JsonNode created = call(
                HttpMethod.POST,
                "/api/subscriptions",
                """
                {"subscriberTeam":"fraud","url":"http://127.0.0.1:9/hooks","kinds":[],"scope":{"consumedBy":"fraud"}}""",
                201);
        String id = created.path("subscriptionId").asText();
        String secret = created.path("secret").asText();
        String path = "/api/subscriptions/" + id;

        JsonNode read = await(path, found -> found.path("status").asText().equals("ACTIVE"));
        assertThat(read.path("subscriberTeam").asText()).isEqualTo("fraud");
        assertThat(read.path("scope").path("consumedBy").asText()).isEqualTo("fraud");
        assertThat(read.path("createdBy").asText()).isEqualTo("steward@example.org");
        assertThat(read.has("secret")).isFalse();
        assertThat(read.toString()).doesNotContain(secret.substring("whsec_".length()));

        call(HttpMethod.POST, path + "/pause", null, 200);
        await(path, found -> found.path("status").asText().equals("PAUSED"));

        String firstKey = created.path("keyId").asText();
        call(HttpMethod.POST, path + "/secret-rotation", null, 200);
        JsonNode rotated = await(path, found -> !found.path("keyId").asText().equals(firstKey));
        assertThat(rotated.path("previousKeyId").asText()).isEqualTo(firstKey);
        assertThat(rotated.path("previousKeyValidUntil").isTextual()).isTrue();

        JsonNode listed = get("dev-auditor", "/api/subscriptions?subscriberTeam=fraud", 200);
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("subscriptionId").asText()).isEqualTo(id);
        get("dev-viewer", path, 403);

        call(HttpMethod.DELETE, path, null, 200);
        Instant deadline = Instant.now().plusSeconds(15);
        while (get("dev-steward", "/api/subscriptions?subscriberTeam=fraud", 200)
                        .path("total")
                        .asInt()
                > 0) {
            assertThat(Instant.now())
                    .as("the deleted subscription left the view")
                    .isBefore(deadline);
        }
        get("dev-steward", path, 404);
    }

    private JsonNode call(HttpMethod method, String path, String body, int status) {
        return new JsonCalls(web).call("dev-steward", method, path, body, status);
    }

    private JsonNode get(String token, String path, int status) {
        return new JsonCalls(web).get(token, path, status);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode last = lookUp(path);
        while (!done.test(last)) {
            assertThat(Instant.now())
                    .as("%s reached the expected answer; last: %s", path, last)
                    .isBefore(deadline);
            last = lookUp(path);
        }
        return last;
    }

    private JsonNode lookUp(String path) {
        return new JsonCalls(web).get("dev-steward", path);
    }
}
