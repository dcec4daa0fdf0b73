package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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

/**
 * Both sides in one process: every official ODCS example imports, and exports meaning the same, schema-valid: as
 * stored under the schema its input passes, and as v3.1.0 under the 3.1.0 schema.
 */
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
    private static final Set<String> EXPORTED = ConcurrentHashMap.newKeySet();

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

        JsonNode asJson = JSON.readTree(export(product, version, MediaType.APPLICATION_JSON, ""));
        JsonNode asYaml = YAML.readTree(export(product, version, MediaType.parseMediaType("application/yaml"), ""));
        JsonNode summary = web.get()
                .uri("/api/products/" + product + "/contract-versions?minVersion=1")
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(summary.get("currentContractVersion").asText()).isEqualTo(version);
        assertThat(asJson).isEqualTo(original);
        assertThat(asYaml).isEqualTo(original);
        String inputSchema = schemaTheInputPasses(original);
        assertThat(summary.at("/versions/0/validatedAgainst").asText()).isEqualTo(inputSchema);
        assertThat(schema(inputSchema).validate(asJson))
                .as("the stored export under " + inputSchema)
                .isEmpty();

        for (MediaType type : List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/yaml"))) {
            JsonNode upgraded = YAML.readTree(export(product, version, type, "apiVersion=v3.1.0"));
            assertThat(schema("v3.1.0").validate(upgraded))
                    .as("the v3.1.0 export as " + type)
                    .isEmpty();
            assertThat(upgraded.get("apiVersion").asText()).isEqualTo("v3.1.0");
            assertThat(withoutApiVersion(upgraded)).isEqualTo(withoutApiVersion(original));
        }
        EXPORTED.add(example.getFileName().toString());
    }

    @AfterAll
    static void everyOfficialExampleWasExported() throws IOException {
        assertThat(EXPORTED)
                .as("every example under ../shared/odcs/examples")
                .hasSize(18)
                .containsExactlyInAnyOrderElementsOf(examples()
                        .map(example -> example.getFileName().toString())
                        .toList());
    }

    @Test
    void givenAnApiVersionThisCannotProduce_whenExported_thenA400NamingItAndNothingRecorded() throws IOException {
        web = TestClients.to(port, Duration.ofSeconds(15));
        String product = "examples.v-" + UUID.randomUUID().toString().substring(0, 8);
        write(
                        "/api/products",
                        MediaType.APPLICATION_JSON,
                        """
                {"productId":"%s","domain":"examples","name":"n","classification":"DERIVED","ownerTeam":"t"}"""
                                .formatted(product))
                .expectStatus()
                .isCreated();
        String newest = Files.readString(ODCS.resolve("examples/all/full-example.odcs.yaml"));
        write("/api/products/" + product + "/contract-versions", MediaType.parseMediaType("application/yaml"), newest)
                .expectStatus()
                .isCreated();
        String version = YAML.readTree(newest).get("version").asText();
        export(product, version, MediaType.APPLICATION_JSON, "");
        String before = auditTrail(product);

        for (String apiVersion : List.of("v2.2.0", "banana", "v3.0.2")) {
            web.get()
                    .uri("/api/products/" + product + "/contract-versions/" + version + "?apiVersion=" + apiVersion)
                    .header("Authorization", "Bearer dev-viewer")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("UNSUPPORTED_API_VERSION")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains(apiVersion));
        }
        assertThat(auditTrail(product)).isEqualTo(before);
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

        JsonNode drift = awaitDrift(
                product, List.of("CONTRACT_BREAKING_CHANGE", "SLA_LOOSENED", "CONSUMER_ON_DEPRECATED_VERSION"));
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

        web.get()
                .uri("/api/products/" + product + "/contract-diff?from=1.0.0&to=2.0.0")
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.breakingChanges.length()")
                .isEqualTo(3)
                .jsonPath("$.breakingChanges[?(@.path == 'schema.orders.properties.order_date')].rule")
                .isEqualTo("TYPE_CHANGED")
                .jsonPath("$.changes[?(@.path == 'slaProperties.availability.value')].breaking")
                .isEqualTo(false);
        web.get()
                .uri("/api/products/" + product + "/contract-diff?from=0.9.0")
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CONTRACT_VERSION_NOT_FOUND");
    }

    @Test
    void givenSlaPropertiesWithSeparateUnits_whenAVersionChangesThem_thenJudgedInOneUnit() {
        web = TestClients.to(port, Duration.ofSeconds(15));
        String product = "orders.s-" + UUID.randomUUID().toString().substring(0, 8);
        write(
                        "/api/products",
                        MediaType.APPLICATION_JSON,
                        """
                {"productId":"%s","domain":"orders","name":"Orders","classification":"AUTHORITATIVE","ownerTeam":"orders-core"}"""
                                .formatted(product))
                .expectStatus()
                .isCreated();
        String contract =
                """
                apiVersion: v3.1.0
                kind: DataContract
                id: orders
                status: active
                version: %s
                slaProperties:
                  - property: latency
                    value: 1
                    unit: %s
                  - property: frequency
                    value: %s
                    unit: %s
                  - property: retention
                    value: %s
                    unit: %s
                """;
        MediaType yaml = MediaType.parseMediaType("application/yaml");
        String contracts = "/api/products/" + product + "/contract-versions";
        write(contracts, yaml, contract.formatted("1.0.0", "h", 60, "min", 1, "y"))
                .expectStatus()
                .isCreated();
        write(contracts, yaml, contract.formatted("1.0.1", "d", 1, "h", 2, "sprints"))
                .expectStatus()
                .isCreated();

        JsonNode drift = awaitDrift(product, List.of("SLA_CHANGED"));
        assertThat(drift.get("items"))
                .filteredOn(entry -> entry.get("kind").asText().startsWith("SLA_"))
                .extracting(entry -> entry.get("summary").asText())
                .as("latency 1 h → 1 d loosened, frequency 60 min → 1 h the same, retention in sprints unknown")
                .containsExactlyInAnyOrder(
                        "SLA latency loosened: 1 h → 1 d",
                        "SLA retention changed: 1 y → 2 sprints, in units that cannot be compared");
    }

    /** The product's drift once it holds every one of {@code kinds} (or as it is after about 10 s). */
    private JsonNode awaitDrift(String product, List<String> kinds) {
        JsonNode drift = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            drift = web.get()
                    .uri("/api/products/" + product + "/drift")
                    .header("Authorization", "Bearer dev-viewer")
                    .exchange()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            if (drift != null && drift.get("items").findValuesAsText("kind").containsAll(kinds)) {
                return drift;
            }
            sleep(100);
        }
        return drift;
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

    private String export(String product, String version, MediaType type, String query) {
        return web.get()
                .uri("/api/products/" + product + "/contract-versions/" + version + "?minVersion=1&" + query)
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

    private String auditTrail(String product) {
        return web.get()
                .uri("/api/audit/products/" + product + "/events")
                .header("Authorization", "Bearer dev-auditor")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonNode withoutApiVersion(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("apiVersion");
        return copy;
    }

    /** The declared version's schema (3.0.2 for every 3.0.x) where the document passes it, otherwise 3.1.0. */
    private static String schemaTheInputPasses(JsonNode document) throws IOException {
        String declared = document.get("apiVersion").asText().startsWith("v3.0") ? "v3.0.2" : "v3.1.0";
        return schema(declared).validate(document).isEmpty() ? declared : "v3.1.0";
    }

    private static JsonSchema schema(String version) throws IOException {
        JsonNode schema = JSON.readTree(ODCS.resolve("schema")
                .resolve("odcs-json-schema-" + version + ".json")
                .toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    }
}
