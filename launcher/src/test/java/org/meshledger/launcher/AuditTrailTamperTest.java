package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Someone with write access to MongoDB edits the history: changes a payload, deletes an event from the middle,
 * deletes the last event after a checkpoint. Verification names each; an untouched product verifies; and an auditor
 * re-computes the chain from the NDJSON stream alone, with the algorithm docs/audit.md documents, without product code.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME)
class AuditTrailTamperTest {

    private static final String EVENTS_DATABASE = "tamper_events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private WebTestClient web;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> EVENTS_DATABASE);
        registry.add("meshledger.store.views-database", () -> "tamper_views");
    }

    @BeforeEach
    void client() {
        web = TestClients.to(port, Duration.ofSeconds(30));
    }

    @Test
    void givenEditsMadeDirectlyInTheStore_whenVerified_thenEachIsFoundAndTheUntouchedProductVerifies() {
        for (String product : List.of("claims.edited", "claims.gapped", "claims.truncated", "claims.untouched")) {
            historyOfFourEvents(product);
        }
        post("/api/audit/checkpoints", 201);

        events().updateOne(
                        Filters.eq("streamKey", "claims.edited#2"),
                        Updates.set("payload", storedPayload("claims.edited#2").replace("reorg-2", "nothing to see")));
        events().deleteOne(Filters.eq("streamKey", "claims.gapped#1"));
        events().deleteOne(Filters.eq("streamKey", "claims.truncated#3"));

        JsonNode edited = verify("claims.edited");
        assertThat(edited.get("ok").asBoolean()).isFalse();
        assertThat(edited.get("firstBrokenSequence").asLong()).isEqualTo(2);
        assertThat(edited.get("problem").asText()).contains("changed");
        assertThat(verify("claims.gapped").get("firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(verify("claims.gapped").get("problem").asText()).contains("sequence 1 is missing");
        JsonNode truncated = verify("claims.truncated");
        assertThat(truncated.get("ok").asBoolean()).isFalse();
        assertThat(truncated.get("firstBrokenSequence").asLong()).isEqualTo(3);
        assertThat(truncated.get("problem").asText()).contains("checkpoint", "recorded sequence 3");
        JsonNode untouched = verify("claims.untouched");
        assertThat(untouched.get("ok").asBoolean()).isTrue();
        assertThat(untouched.get("checked").asLong()).isEqualTo(4);

        List<JsonNode> mesh = ndjson("/api/audit/verify");
        JsonNode summary = mesh.get(mesh.size() - 1);
        assertThat(summary.get("done").asBoolean()).isTrue();
        assertThat(summary.get("broken").asInt()).isEqualTo(3);
        assertThat(mesh.subList(0, mesh.size() - 1))
                .filteredOn(line -> !line.get("ok").asBoolean())
                .extracting(line -> line.get("aggregateId").asText())
                .containsExactlyInAnyOrder("claims.edited", "claims.gapped", "claims.truncated");
    }

    @Test
    void givenTheNdjsonAuditStream_whenAnAuditorRecomputesTheChain_thenEveryHashAndTheSignedCheckpointAgree()
            throws Exception {
        String product = "claims.independent";
        historyOfFourEvents(product);
        post("/api/audit/checkpoints", 201);

        List<JsonNode> stream = ndjson("/api/audit/products/" + product + "/events");
        String previous = "0".repeat(64);
        for (JsonNode event : stream) {
            assertThat(event.get("previousHash").asText()).isEqualTo(previous);
            String recomputed = IndependentChain.hash(previous, event);
            assertThat(recomputed)
                    .as("event %s", event.get("sequence"))
                    .isEqualTo(event.get("hash").asText());
            previous = recomputed;
        }
        assertThat(stream).hasSize(4);

        JsonNode export = get("/api/audit/checkpoints/latest");
        JsonNode head = null;
        for (JsonNode candidate : export.get("heads")) {
            if (candidate.get("aggregateId").asText().equals(product)) {
                head = candidate;
            }
        }
        assertThat(head).isNotNull();
        assertThat(head.get("sequence").asLong()).isEqualTo(3);
        assertThat(head.get("hash").asText()).isEqualTo(previous);
        assertThat(IndependentChain.signatureHolds(export)).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) export).put("digest", "0".repeat(64));
        assertThat(IndependentChain.signatureHolds(export))
                .as("an altered export")
                .isFalse();
    }

    /** Registration, two transfers and an SLO: four events at sequences 0 to 3. */
    private void historyOfFourEvents(String product) {
        post(
                "/api/products",
                """
                {"productId":"%s","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"team-0"}"""
                        .formatted(product),
                201);
        for (int transfer = 1; transfer <= 2; transfer++) {
            post(
                    "/api/products/" + product + "/ownership-transfers",
                    "{\"fromTeam\":\"team-%d\",\"toTeam\":\"team-%d\",\"reason\":\"reorg-%d\"}"
                            .formatted(transfer - 1, transfer, transfer),
                    200);
        }
        web.put()
                .uri("/api/products/" + product + "/slos/freshness")
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"threshold\":3600,\"target\":0.99,\"window\":\"P30D\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private JsonNode verify(String product) {
        return get("/api/audit/products/" + product + "/verify");
    }

    private static MongoCollection<Document> events() {
        return TestStore.client().getDatabase(EVENTS_DATABASE).getCollection("events");
    }

    private static String storedPayload(String streamKey) {
        return events().find(Filters.eq("streamKey", streamKey)).first().getString("payload");
    }

    private void post(String path, String body, int status) {
        web.post()
                .uri(path)
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private void post(String path, int status) {
        web.post()
                .uri(path)
                .header("Authorization", "Bearer dev-steward")
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private JsonNode get(String path) {
        try {
            return JSON.readTree(web.get()
                    .uri(path)
                    .header("Authorization", "Bearer dev-auditor")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody());
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private List<JsonNode> ndjson(String path) {
        String body = new String(
                web.get()
                        .uri(path)
                        .header("Authorization", "Bearer dev-auditor")
                        .accept(MediaType.APPLICATION_NDJSON)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (java.io.IOException unreadable) {
                    throw new AssertionError(unreadable);
                }
            }
        }
        return lines;
    }

    /**
     * The algorithm of docs/audit.md, written again from its text: SHA-256 over previousHash, type, sequence, timestamp with
     * nine fraction digits, and the RFC 8785 canonical JSON of payload and metadata, joined by newlines.
     */
    static final class IndependentChain {

        private static final DateTimeFormatter NINE_DIGITS = DateTimeFormatter.ofPattern(
                        "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
                .withZone(ZoneOffset.UTC);

        static String hash(String previous, JsonNode event) throws Exception {
            String input = previous + "\n" + event.get("type").asText() + "\n"
                    + event.get("sequence").asLong() + "\n"
                    + NINE_DIGITS.format(Instant.parse(event.get("timestamp").asText())) + "\n"
                    + canonical(event.get("payload")) + "\n" + canonical(event.get("metadata"));
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
        }

        static boolean signatureHolds(JsonNode export) throws Exception {
            JsonNode signature = export.get("signature");
            com.fasterxml.jackson.databind.node.ObjectNode signed = export.deepCopy();
            signed.remove("signature");
            Signature verifier =
                    Signature.getInstance(signature.get("algorithm").asText());
            verifier.initVerify(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                            .decode(signature.get("publicKey").asText()))));
            verifier.update(canonical(signed).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(
                    Base64.getDecoder().decode(signature.get("value").asText()));
        }

        /** RFC 8785 for the values these events hold: sorted keys, no spaces, shortest numbers. */
        static String canonical(JsonNode node) {
            if (node.isObject()) {
                Map<String, JsonNode> sorted = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    sorted.put(field.getKey(), field.getValue());
                }
                List<String> members = new ArrayList<>();
                sorted.forEach((key, value) -> members.add(string(key) + ":" + canonical(value)));
                return "{" + String.join(",", members) + "}";
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(canonical(item)));
                return "[" + String.join(",", items) + "]";
            }
            if (node.isTextual()) {
                return string(node.asText());
            }
            if (node.isNumber()) {
                double value = node.asDouble();
                if (value == Math.rint(value) && Math.abs(value) < 1e21) {
                    return Long.toString((long) value);
                }
                return Double.toString(value);
            }
            return node.toString();
        }

        private static String string(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char character : value.toCharArray()) {
                switch (character) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (character < 0x20) {
                            out.append(String.format("\\u%04x", (int) character));
                        } else {
                            out.append(character);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
