package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestClients;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Decision rights follow the domain: a reorganisation that moves a team flags every product it owns, the ownership
 * view lists them, and handing a product to another domain's team needs a steward.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME)
class TeamsAcrossDomainsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private WebTestClient web;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        org.meshledger.platform.testing.TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "teams_events");
        registry.add("meshledger.store.views-database", () -> "teams_views");
    }

    @BeforeEach
    void client() {
        web = TestClients.to(port, Duration.ofSeconds(20));
    }

    @Test
    void givenACrmTeamWithTwoProducts_whenMovedToMarketing_thenBothAreFlaggedAndListedOutsideTheirDomain() {
        post("dev-steward", "/api/teams", "{\"team\":\"crm-analytics\",\"domain\":\"crm\"}", 201);
        register("dev-integration", "crm.leads", "crm-analytics", 201);
        register("dev-integration", "crm.accounts", "crm-analytics", 201);

        post(
                "dev-steward",
                "/api/teams/crm-analytics/domain-moves",
                "{\"toDomain\":\"marketing\",\"reason\":\"analytics moved under marketing\"}",
                200);

        JsonNode entries = await(
                "/api/drift?kind=CROSS_DOMAIN_OWNERSHIP&domain=crm",
                page -> page.get("total").asInt() == 2);
        assertThat(productIds(entries.get("items"))).containsExactlyInAnyOrder("crm.leads", "crm.accounts");
        assertThat(entries.at("/items/0/severity").asText()).isEqualTo("WARNING");
        assertThat(entries.at("/items/0/summary").asText())
                .contains("crm-analytics", "marketing", "analytics moved under marketing");
        JsonNode outside = await("/api/ownership/outside-domain", page -> productIds(page.get("items"))
                .containsAll(List.of("crm.accounts", "crm.leads")));
        assertThat(outside.get("items"))
                .filteredOn(item -> item.get("ownerTeam").asText().equals("crm-analytics"))
                .extracting(item -> item.get("productId").asText() + " owned from "
                        + item.get("ownerTeamDomain").asText())
                .containsExactly("crm.accounts owned from marketing", "crm.leads owned from marketing");
        assertThat(get("dev-viewer", "/api/teams/crm-analytics").get("domain").asText())
                .isEqualTo("marketing");
    }

    @Test
    void givenATeamOfBilling_whenASalesProductIsHandedToItWithoutAStewardsApproval_thenRefused() {
        post("dev-steward", "/api/teams", "{\"team\":\"billing-core\",\"domain\":\"billing\"}", 201);
        register("dev-integration", "sales.contacts", "sales-ops", 201);
        String transfer = "{\"fromTeam\":\"sales-ops\",\"toTeam\":\"billing-core\",\"reason\":\"consolidation\"%s}";

        JsonNode refused = post(
                "dev-integration", "/api/products/sales.contacts/ownership-transfers", transfer.formatted(""), 422);
        assertThat(refused.get("code").asText()).isEqualTo("CROSS_DOMAIN_NEEDS_STEWARD");
        assertThat(refused.get("detail").asText()).contains("billing-core", "billing", "sales");
        JsonNode refusedRegistration = register("dev-integration", "sales.invoices", "billing-core", 422);
        assertThat(refusedRegistration.get("code").asText()).isEqualTo("CROSS_DOMAIN_NEEDS_STEWARD");

        post(
                "dev-integration",
                "/api/products/sales.contacts/ownership-transfers",
                transfer.formatted(",\"approvedBy\":\"steward@example.org\""),
                200);
        register("dev-steward", "sales.invoices", "billing-core", 201);
        JsonNode entries =
                await("/api/drift?kind=CROSS_DOMAIN_OWNERSHIP&domain=sales", page -> productIds(page.get("items"))
                        .containsAll(List.of("sales.contacts", "sales.invoices")));
        assertThat(entries.get("items"))
                .allSatisfy(entry -> assertThat(entry.get("kind").asText()).isEqualTo("CROSS_DOMAIN_OWNERSHIP"));
    }

    @Test
    void givenARetiredTeam_thenItsProductsAreOrphanedAndTeamsAreGovernedFacts() {
        post("dev-steward", "/api/teams", "{\"team\":\"legacy-bi\",\"domain\":\"policy\"}", 201);
        register("dev-integration", "policy.old-reports", "legacy-bi", 201);
        JsonNode duplicate = post("dev-steward", "/api/teams", "{\"team\":\"legacy-bi\",\"domain\":\"claims\"}", 409);
        assertThat(duplicate.get("code").asText()).isEqualTo("TEAM_ALREADY_REGISTERED");
        JsonNode unknown = post(
                "dev-steward", "/api/teams/nobody/domain-moves", "{\"toDomain\":\"claims\",\"reason\":\"r\"}", 404);
        assertThat(unknown.get("code").asText()).isEqualTo("TEAM_NOT_FOUND");
        post("dev-integration", "/api/teams", "{\"team\":\"rogue\",\"domain\":\"claims\"}", 403);

        post("dev-steward", "/api/teams/legacy-bi/retirement", "{\"reason\":\"decommissioned\"}", 200);

        JsonNode orphaned =
                await("/api/ownership/orphaned", page -> page.get("total").asInt() == 1);
        assertThat(orphaned.at("/items/0/productId").asText()).isEqualTo("policy.old-reports");
        JsonNode toRetired = register("dev-steward", "policy.new-reports", "legacy-bi", 422);
        assertThat(toRetired.get("code").asText()).isEqualTo("TEAM_RETIRED");
    }

    private JsonNode register(String token, String product, String owner, int status) {
        return post(
                token,
                "/api/products",
                """
                {"productId":"%s","domain":"%s","name":"n","classification":"DERIVED","ownerTeam":"%s"}"""
                        .formatted(product, product.substring(0, product.indexOf('.')), owner),
                status);
    }

    private JsonNode post(String token, String path, String body, int status) {
        byte[] answer = web.post()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return read(answer);
    }

    private JsonNode get(String token, String path) {
        return read(web.get()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private JsonNode await(String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode last = get("dev-viewer", path);
        while (!done.test(last)) {
            assertThat(Instant.now())
                    .as("%s reached the expected answer; last: %s", path, last)
                    .isBefore(deadline);
            last = get("dev-viewer", path);
        }
        return last;
    }

    private static List<String> productIds(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.get("productId").asText())
                .toList();
    }

    private static JsonNode read(byte[] body) {
        try {
            return body == null ? JSON.nullNode() : JSON.readTree(body);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
