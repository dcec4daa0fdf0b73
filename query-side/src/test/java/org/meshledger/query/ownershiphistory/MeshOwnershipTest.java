package org.meshledger.query.ownershiphistory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.query.QuerySideApplication;
import org.meshledger.query.support.ProductHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who owned what across a domain on a date, as known at another: paged JSON, and every row as CSV. */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
class MeshOwnershipTest {

    private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL_10 = Instant.parse("2026-04-10T00:00:00Z");

    @Autowired
    private EventStore eventStore;

    @LocalServerPort
    private int port;

    private WebTestClient web;
    private String domain;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "mesh_ownership_events");
        registry.add("meshledger.store.views-database", () -> "mesh_ownership_views");
    }

    /**
     * In one domain: {@code claims} transferred to {@code fraud} effective 1 March, recorded on 10 April; {@code
     * policies} registered in April with its owner only from then; and a product of another domain.
     */
    @BeforeEach
    void aDomainWithABackDatedTransfer() {
        web = TestClients.to(port, Duration.ofSeconds(15));
        domain = "d" + UUID.randomUUID().toString().substring(0, 8);
        String claims = domain + ".claims";
        String policies = domain + ".policies";
        publish(new ProductHistory(claims, JANUARY)
                .then(new DataProductRegistered(
                        claims, domain, "Claims", Classification.AUTHORITATIVE, "claims-core", null, null, null))
                .then(
                        new OwnershipTransferred(
                                claims,
                                "claims-core",
                                "fraud",
                                "=HYPERLINK(\"x\"), reorg",
                                "steward@example.org",
                                MARCH_1,
                                null),
                        APRIL_10));
        publish(new ProductHistory(policies, APRIL_10)
                .then(new DataProductRegistered(
                        policies, domain, "Policies", Classification.DERIVED, "policy-core", null, APRIL_10, null)));
        String other = "o" + domain + ".product";
        publish(new ProductHistory(other, JANUARY)
                .then(new DataProductRegistered(
                        other, "o" + domain, "Other", Classification.DERIVED, "elsewhere", null, null, null)));
        awaitOwners("?domain=" + domain, 2);
    }

    @Test
    void givenABackDatedTransfer_whenAskedAsKnownBeforeAndAfterItWasRecorded_thenTheOwnerAsKnownThen() {
        JsonNode before = get("?domain=%s&asOf=2026-03-15T00:00:00Z&knownAt=2026-04-01T00:00:00Z".formatted(domain));
        assertThat(before.get("total").asInt())
                .as("policies had no owner on 15 March")
                .isEqualTo(1);
        assertThat(before.at("/items/0/productId").asText()).isEqualTo(domain + ".claims");
        assertThat(before.at("/items/0/ownerTeam").asText()).isEqualTo("claims-core");
        assertThat(before.at("/items/0/since").isNull())
                .as("owned since before records began")
                .isTrue();
        assertThat(before.get("asOf").asText()).isEqualTo("2026-03-15T00:00:00Z");
        assertThat(before.get("knownAt").asText()).isEqualTo("2026-04-01T00:00:00Z");

        JsonNode after = get("?domain=%s&asOf=2026-03-15T00:00:00Z&knownAt=2026-04-11T00:00:00Z".formatted(domain));
        assertThat(after.at("/items/0/ownerTeam").asText()).isEqualTo("fraud");
        assertThat(after.at("/items/0/since").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(after.at("/items/0/approvedBy").asText()).isEqualTo("steward@example.org");

        JsonNode now = get("?domain=" + domain);
        assertThat(now.get("items").findValuesAsText("productId"))
                .containsExactly(domain + ".claims", domain + ".policies");
        assertThat(now.get("items").findValuesAsText("ownerTeam")).containsExactly("fraud", "policy-core");
    }

    @Test
    void givenPaging_thenOnePageAndTheTotal() {
        JsonNode second = get("?domain=%s&page=1&size=1".formatted(domain));
        assertThat(second.get("total").asInt()).isEqualTo(2);
        assertThat(second.get("items").findValuesAsText("productId")).containsExactly(domain + ".policies");
        assertThat(get("").get("total").asInt()).as("the mesh: every domain").isGreaterThanOrEqualTo(3);
    }

    @Test
    void givenAcceptCsv_thenEveryRowWithAHeader_andAFormulaInAReasonIsInert() {
        String csv = web.get()
                .uri("/api/ownership?domain=" + domain)
                .header("Authorization", "Bearer dev-auditor")
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "productId,domain,ownerTeam,since,reason,approvedBy",
                        domain + ".claims," + domain
                                + ",fraud,2026-03-01T00:00:00Z,\"'=HYPERLINK(\"\"x\"\"), reorg\",steward@example.org",
                        domain + ".policies," + domain + ",policy-core,2026-04-10T00:00:00Z,registered,");
    }

    @Test
    void givenBadParameters_then400ProblemsNamingThem() {
        for (String query : List.of("?asOf=yesterday", "?knownAt=2026-13-01T00:00:00Z", "?size=501", "?domain=Bad!")) {
            web.get()
                    .uri("/api/ownership" + query)
                    .header("Authorization", "Bearer dev-viewer")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/ownership").exchange().expectStatus().isUnauthorized();
    }

    private void publish(ProductHistory history) {
        eventStore.publish(history.events());
    }

    private JsonNode get(String query) {
        return web.get()
                .uri("/api/ownership" + query)
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private void awaitOwners(String query, int total) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (get(query).get("total").asInt() < total) {
            assertThat(Instant.now()).as("the view caught up in time").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
