package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Both sides in one process: every official ODCS example imports, and exports meaning the same, schema-valid. */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME)
class ContractsEndToEndTest {

    private static final Path ODCS = Path.of("..", "..", "shared", "odcs");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebTestClient web;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "contracts_e2e_events");
        registry.add("meshledger.store.views-database", () -> "contracts_e2e_views");
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(ODCS.resolve("examples"))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void givenAnOfficialExample_whenImportedAsAFirstVersion_thenItsExportMeansTheSameAndIsSchemaValid(Path example)
            throws IOException {
        web = TestClients.to(port, Duration.ofSeconds(15));
        String yaml = Files.readString(example);
        JsonNode original = YAML.readTree(yaml);
        String version = original.get("version").asText();
        String product = "examples.c-" + UUID.randomUUID().toString().substring(0, 8);
        web.post()
                .uri("/api/products")
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"productId":"%s","domain":"examples","name":"n","classification":"DERIVED","ownerTeam":"t"}"""
                                .formatted(product))
                .exchange()
                .expectStatus()
                .isCreated();
        web.post()
                .uri("/api/products/" + product + "/contract-versions")
                .header("Authorization", "Bearer dev-integration")
                .contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(yaml)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.contractVersion")
                .isEqualTo(version);

        JsonNode asJson = JSON.readTree(export(product, version, MediaType.APPLICATION_JSON));
        JsonNode asYaml = YAML.readTree(export(product, version, MediaType.parseMediaType("application/yaml")));
        web.get()
                .uri("/api/products/" + product + "/contract-versions?minVersion=1")
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentContractVersion")
                .isEqualTo(version);
        assertThat(asJson).isEqualTo(original);
        assertThat(asYaml).isEqualTo(original);
        JsonSchema declared = schemaFor(original.get("apiVersion").asText());
        // Some official 3.0.2 examples use what only 3.1 allows: the export must then be judged exactly as its input
        assertThat(declared.validate(asJson).toString())
                .isEqualTo(declared.validate(original).toString());
        if (declared.validate(original).isEmpty()) {
            assertThat(declared.validate(asJson)).isEmpty();
        } else {
            assertThat(schemaFor("v3.1.0").validate(asJson))
                    .as("valid under the newest schema")
                    .isEmpty();
        }
    }

    @Test
    void givenThePeerPairAndAConsumerOnMajor1_whenV2IsPublished_thenOneCriticalBreakingEntryNamingItAndOneSlaLoosened()
            throws IOException {
        web = TestClients.to(port, Duration.ofSeconds(15));
        Path pair = ODCS.resolveSibling("peer-fixtures").resolve("datacontract-cli-changelog");
        String product = "orders.c-" + UUID.randomUUID().toString().substring(0, 8);
        write(
                        "/api/products",
                        MediaType.APPLICATION_JSON,
                        """
                {"productId":"%s","domain":"orders","name":"Orders","classification":"AUTHORITATIVE","ownerTeam":"orders-core"}"""
                                .formatted(product))
                .expectStatus()
                .isCreated();
        write(
                        "/api/products/" + product + "/contract-versions",
                        MediaType.parseMediaType("application/yaml"),
                        Files.readString(pair.resolve("changelog_integration_v1.yaml")))
                .expectStatus()
                .isCreated();
        write(
                        "/api/products/" + product + "/consumers",
                        MediaType.APPLICATION_JSON,
                        "{\"consumerTeam\":\"fraud-analytics\",\"contractMajor\":1}")
                .expectStatus()
                .isCreated();
        String v2 = Files.readString(pair.resolve("changelog_integration_v2.yaml"));
        write(
                        "/api/products/" + product + "/contract-versions",
                        MediaType.parseMediaType("application/yaml"),
                        v2.replace("version: 2.0.0", "version: 1.1.0"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.breakingChanges.length()")
                .isEqualTo(3);
        write("/api/products/" + product + "/contract-versions", MediaType.parseMediaType("application/yaml"), v2)
                .expectStatus()
                .isCreated();

        JsonNode drift = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            drift = web.get()
                    .uri("/api/products/" + product + "/drift")
                    .header("Authorization", "Bearer dev-viewer")
                    .exchange()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            if (drift != null
                    && drift.get("items")
                            .findValuesAsText("kind")
                            .containsAll(java.util.List.of(
                                    "CONTRACT_BREAKING_CHANGE", "SLA_LOOSENED", "CONSUMER_ON_DEPRECATED_VERSION"))) {
                break;
            }
            sleep(100);
        }
        java.util.List<JsonNode> critical = new java.util.ArrayList<>();
        java.util.List<JsonNode> slaLoosened = new java.util.ArrayList<>();
        for (JsonNode item : drift.get("items")) {
            if (item.get("kind").asText().equals("CONTRACT_BREAKING_CHANGE")) {
                critical.add(item);
            } else if (item.get("kind").asText().equals("SLA_LOOSENED")) {
                slaLoosened.add(item);
            }
        }
        assertThat(critical).singleElement().satisfies(entry -> {
            assertThat(entry.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(entry.at("/details/consumersOnOldMajor/0").asText()).isEqualTo("fraud-analytics");
            assertThat(entry.at("/details/breakingChanges").size()).isEqualTo(3);
        });
        assertThat(slaLoosened).singleElement().satisfies(entry -> assertThat(
                        entry.get("summary").asText())
                .isEqualTo("SLA availability loosened: 99.9% → 99.5%"));
    }

    private WebTestClient.ResponseSpec write(String uri, MediaType type, String body) {
        return web.post()
                .uri(uri)
                .header("Authorization", "Bearer dev-steward")
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private String export(String product, String version, MediaType type) {
        return web.get()
                .uri("/api/products/" + product + "/contract-versions/" + version + "?minVersion=1")
                .header("Authorization", "Bearer dev-viewer")
                .accept(type)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(type)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** 3.1.0 documents against the 3.1.0 schema; every 3.0.x against 3.0.2, the last of that line. */
    private static JsonSchema schemaFor(String apiVersion) throws IOException {
        String file = apiVersion.startsWith("v3.1") ? "odcs-json-schema-v3.1.0.json" : "odcs-json-schema-v3.0.2.json";
        JsonNode schema = JSON.readTree(ODCS.resolve("schema").resolve(file).toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    }
}
