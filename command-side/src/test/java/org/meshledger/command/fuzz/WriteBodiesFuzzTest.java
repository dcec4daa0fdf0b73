package org.meshledger.command.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.testing.TestStore;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Any body sent to any write, through the real WebFlux handlers over HTTP, as a steward: never a 5xx, and a refused
 * write (any 4xx) leaves the event store as it was. Retirements are left out: a retired product or team would refuse
 * every later input before reading it. The first byte of an input picks the write, the second whether
 * the body is sent as the type the write takes or as another, the rest is the body.
 */
class WriteBodiesFuzzTest extends CommandSideWebTest {

    private static final String PRODUCT = "claims.fuzz-target";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final List<MediaType> TYPES =
            List.of(MediaType.APPLICATION_JSON, YAML, NDJSON, MediaType.TEXT_PLAIN);
    private static boolean prepared;

    private record Write(HttpMethod method, String path, MediaType type) {}

    private static final List<Write> WRITES = List.of(
            new Write(HttpMethod.POST, "/api/products", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/products/" + PRODUCT + "/ownership-transfers", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/products/" + PRODUCT + "/contract-versions", YAML),
            new Write(HttpMethod.POST, "/api/products/" + PRODUCT + "/contract-versions", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.PUT, "/api/products/" + PRODUCT + "/slos/freshness", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/products/" + PRODUCT + "/sli-observations", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/sli-observations", NDJSON),
            new Write(HttpMethod.POST, "/api/products/" + PRODUCT + "/consumers", MediaType.APPLICATION_JSON),
            new Write(
                    HttpMethod.POST,
                    "/api/products/" + PRODUCT + "/contract-versions/1.0.0/deprecation",
                    MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/teams", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/teams/claims-core/domain-moves", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/subscriptions", MediaType.APPLICATION_JSON),
            new Write(HttpMethod.POST, "/api/audit/checkpoints", MediaType.APPLICATION_JSON));

    @BeforeEach
    void aProductWithAContractAndAnSlo() {
        if (prepared) {
            return;
        }
        register(PRODUCT, "claims-core");
        send(
                "PUT",
                "/api/products/" + PRODUCT + "/slos/freshness",
                STEWARD,
                "{\"threshold\":3600,\"target\":0.99,\"window\":\"P30D\"}");
        web.post()
                .uri("/api/products/" + PRODUCT + "/contract-versions")
                .header("Authorization", "Bearer " + STEWARD)
                .contentType(YAML)
                .bodyValue(
                        """
                        apiVersion: v3.0.2
                        kind: DataContract
                        id: fuzz-target
                        version: 1.0.0
                        status: active
                        schema:
                          - name: claims
                            properties:
                              - name: claim_id
                                logicalType: string
                        """)
                .exchange();
        prepared = true;
    }

    @FuzzTest(maxDuration = "10m")
    void anyWriteBody_isNeverA5xxAndARefusalRecordsNothing(byte[] input) {
        if (input.length < 2) {
            return;
        }
        Write write = WRITES.get(Math.floorMod(input[0], WRITES.size()));
        MediaType type = input[1] % 2 == 0 ? write.type() : TYPES.get(Math.floorMod(input[1] >> 1, TYPES.size()));
        byte[] body = Arrays.copyOfRange(input, 2, input.length);
        long before = TestStore.storedEvents();
        EntityExchangeResult<byte[]> answer = web.method(write.method())
                .uri(write.path())
                .header("Authorization", "Bearer " + STEWARD)
                .contentType(type)
                .bodyValue(body)
                .exchange()
                .expectBody()
                .returnResult();
        int status = answer.getStatus().value();
        String said =
                answer.getResponseBody() == null ? "" : new String(answer.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(status)
                .as("%s %s with %s %s answered %s", write.method(), write.path(), type, printable(body), said)
                .isLessThan(500);
        if (status >= 400) {
            assertThat(answer.getResponseHeaders().getContentType())
                    .as("a refusal is a problem document")
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(TestStore.storedEvents())
                    .as("a refused %s %s records nothing: %s", write.method(), write.path(), said)
                    .isEqualTo(before);
        }
    }

    private static String printable(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
