package org.meshledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.testing.TestStore;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The contract gate over HTTP, with the peer fixture's contract pair. */
class ContractPublicationApiTest extends CommandSideWebTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "peer-fixtures", "datacontract-cli-changelog");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private String productId;
    private String v1;
    private String v2;

    @BeforeEach
    void registerAndReadThePair() throws IOException {
        productId = newProductId();
        register(productId, "claims-core").expectStatus().isCreated();
        v1 = Files.readString(FIXTURES.resolve("changelog_integration_v1.yaml"));
        v2 = Files.readString(FIXTURES.resolve("changelog_integration_v2.yaml"));
    }

    @Test
    void givenThePeerPair_whenV2IsSentAsAMinor_thenRefusedWithExactlyTheThreeBreakingChanges_andAsAMajorAccepted() {
        publish(v1, "")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/products/" + productId + "/contract-versions/1.0.0")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.contractVersion")
                .isEqualTo("1.0.0")
                .jsonPath("$.validatedAgainst")
                .isEqualTo("v3.0.2");

        long before = TestStore.storedEvents();
        publish(v2.replace("version: 2.0.0", "version: 1.1.0"), "")
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CONTRACT_BREAKING_WITHOUT_MAJOR")
                .jsonPath("$.breakingChanges.length()")
                .isEqualTo(3)
                .jsonPath("$.breakingChanges[?(@.path == 'schema.orders.properties.order_date')].rule")
                .isEqualTo("TYPE_CHANGED");
        assertThat(TestStore.storedEvents()).isEqualTo(before);

        publish(v2, "?dryRun=true")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.recorded")
                .isEqualTo(false)
                .jsonPath("$.bump")
                .isEqualTo("MAJOR")
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.changes[?(@.path == 'slaProperties.availability.value')].newValue")
                .isEqualTo("99.5%");
        assertThat(TestStore.storedEvents()).isEqualTo(before);

        publish(v2, "")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.contractVersion")
                .isEqualTo("2.0.0")
                .jsonPath("$.bump")
                .isEqualTo("MAJOR")
                .jsonPath("$.breakingChanges.length()")
                .isEqualTo(3)
                .jsonPath("$.version")
                .isEqualTo(2)
                // declared v3.0.2, but its timestamp column is a 3.1.0 logical type
                .jsonPath("$.validatedAgainst")
                .isEqualTo("v3.1.0");
        publish(v2, "")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CONTRACT_VERSION_NOT_GREATER");
    }

    @Test
    void givenModeNone_thenNothingIsRefusedAndTheModeIsKept() {
        publish(v1, "?compatibility=NONE")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.compatibility")
                .isEqualTo("NONE");
        publish(v2.replace("version: 2.0.0", "version: 1.1.0"), "")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.compatibility")
                .isEqualTo("NONE")
                .jsonPath("$.bump")
                .isEqualTo("MINOR");
    }

    @Test
    void givenDocumentsThatAreNotOdcs_thenProblemsAndNothingRecorded() {
        long before = TestStore.storedEvents();
        publish("schema: [unclosed", "")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_ODCS");
        publishJson("{\"hello\":\"world\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == '/apiVersion')]")
                .exists();
        publish(v1.replace("apiVersion: v3.0.2", "apiVersion: v9.0.0"), "")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("/apiVersion");
        publish(v1.replace("logicalType: string", "logicalType: text"), "")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_ODCS")
                .jsonPath("$.errors[?(@.field == '/schema/0/properties/0/logicalType')].message")
                .value(messages -> assertThat(messages.toString())
                        .contains("does not have a value in the enumeration")
                        .contains("ODCS v3.0.2 JSON Schema"))
                // the property's other fields, left "unevaluated" by the failing enum, are not named as problems
                .jsonPath("$.errors[?(@.field == '/schema/0/properties/0')]")
                .doesNotExist();
        String huge = v1 + "description: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n";
        publish(huge, "").expectStatus().isEqualTo(413);
        publish(v1, "?compatibility=SOMETIMES").expectStatus().isBadRequest();
        assertThat(TestStore.storedEvents()).isEqualTo(before);
    }

    @Test
    void givenContracts_thenConsumersMustNameAPublishedMajorAndDeprecationsNeedAFutureSunset() {
        publish(v1, "").expectStatus().isCreated();
        send(
                        "POST",
                        "/api/products/" + productId + "/consumers",
                        STEWARD,
                        "{\"consumerTeam\":\"fraud\",\"contractMajor\":3}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NO_SUCH_MAJOR");
        send(
                        "POST",
                        "/api/products/" + productId + "/consumers",
                        STEWARD,
                        "{\"consumerTeam\":\"fraud\",\"contractMajor\":1}")
                .expectStatus()
                .isCreated();
        String deprecation = "/api/products/" + productId + "/contract-versions/%s/deprecation";
        send(
                        "POST",
                        deprecation.formatted("9.9.9"),
                        STEWARD,
                        "{\"sunsetAt\":\"2099-01-01T00:00:00Z\",\"reason\":\"r\"}")
                .expectStatus()
                .isNotFound();
        send(
                        "POST",
                        deprecation.formatted("1.0.0"),
                        STEWARD,
                        "{\"sunsetAt\":\"2001-01-01T00:00:00Z\",\"reason\":\"r\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SUNSET_NOT_IN_FUTURE");
        send(
                        "POST",
                        deprecation.formatted("1.0.0"),
                        STEWARD,
                        "{\"sunsetAt\":\"2099-01-01T00:00:00Z\",\"reason\":\"r\"}")
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec publish(String yaml, String query) {
        return web.post()
                .uri("/api/products/" + productId + "/contract-versions" + query)
                .header("Authorization", "Bearer " + INTEGRATION)
                .contentType(YAML)
                .bodyValue(yaml)
                .exchange();
    }

    private WebTestClient.ResponseSpec publishJson(String json) {
        return web.post()
                .uri("/api/products/" + productId + "/contract-versions")
                .header("Authorization", "Bearer " + INTEGRATION)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
