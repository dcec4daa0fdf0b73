package org.meshledger.query.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.meshledger.api.event.ConsumerRegistered;
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
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

/**
 * Any query string on any read, through the real WebFlux handlers over HTTP: never a 5xx, a refusal is a problem
 * document, and no read records an event. The first byte of an input picks the read, the second whether the rest is
 * sent as it is (when it is a valid URI) or with each name and value percent-encoded, so that both the request
 * parser and the parameters' own rules are reached.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
class ReadParametersFuzzTest {

    private static final String PRODUCT = "claims.fuzz-read";
    private static final String TEAM = "claims-fuzz";
    private static final List<String> READS = List.of(
            "/api/products",
            "/api/products/" + PRODUCT,
            "/api/products/" + PRODUCT + "/ownership-history",
            "/api/teams/" + TEAM + "/ownership-history",
            "/api/products/" + PRODUCT + "/contract-versions",
            "/api/products/" + PRODUCT + "/contract-diff",
            "/api/products/" + PRODUCT + "/drift",
            "/api/drift",
            "/api/compliance",
            "/api/compliance/domains/claims",
            "/api/compliance/products/" + PRODUCT,
            "/api/ownership",
            "/api/ownership/outside-domain",
            "/api/ownership/orphaned",
            "/api/teams",
            "/api/teams/" + TEAM,
            "/api/audit/products/" + PRODUCT + "/events",
            "/api/audit/checkpoints/latest",
            "/api/subscriptions",
            "/api/admin/projections");
    private static boolean recorded;

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    private WebTestClient web;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    @BeforeEach
    void aProductWithAHistory() {
        web = TestClients.to(port, Duration.ofSeconds(15));
        if (recorded) {
            return;
        }
        Instant january = Instant.parse("2026-01-01T00:00:00Z");
        eventStore.publish(new ProductHistory(PRODUCT, Instant.now())
                .then(new DataProductRegistered(
                        PRODUCT, "claims", "Claim events", Classification.AUTHORITATIVE, TEAM, null, january))
                .then(new OwnershipTransferred(
                        PRODUCT, TEAM, "claims-platform", "reorg", null, Instant.parse("2026-03-01T00:00:00Z")))
                .then(new ConsumerRegistered(PRODUCT, "fraud-analytics", 1))
                .events());
        recorded = true;
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "asOf=",
        "from=",
        "to=",
        "knownAt=",
        "since=",
        "until=",
        "page=",
        "size=",
        "minVersion=",
        "sort=",
        "order=",
        "q=",
        "domain=",
        "owner=",
        "status=",
        "classification=",
        "severity=",
        "kind=",
        "team=",
        "subscriberTeam=",
        "product=",
        "event=",
        "mesh=",
        "replayed=",
        "2026-03-01T00:00:00Z",
        "P30D",
        "%zz",
        "-1",
        "2147483648",
        "ACTIVE",
        "CRITICAL",
        "AUTHORITATIVE"
    })
    void anyQueryString_isNeverA5xxAndRecordsNothing(byte[] input) {
        if (input.length < 2) {
            return;
        }
        String read = READS.get(Math.floorMod(input[0], READS.size()));
        String query = new String(Arrays.copyOfRange(input, 2, input.length), StandardCharsets.UTF_8);
        URI target = input[1] % 2 == 0 ? asSent(read, query) : encoded(read, query);
        long before = TestStore.storedEvents();
        EntityExchangeResult<byte[]> answer = web.get()
                .uri(target)
                .header("Authorization", "Bearer dev-steward")
                .accept(MediaType.ALL)
                .exchange()
                .expectBody()
                .returnResult();
        int status = answer.getStatus().value();
        String said =
                answer.getResponseBody() == null ? "" : new String(answer.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(status).as("GET %s answered %s", target, said).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.getResponseHeaders().getContentType())
                    .as("GET %s: a refusal is a problem document", target)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(TestStore.storedEvents()).as("a read records nothing").isEqualTo(before);
    }

    private URI asSent(String read, String query) {
        try {
            return URI.create("http://127.0.0.1:" + port + read + "?" + query);
        } catch (IllegalArgumentException notAUri) {
            return encoded(read, query);
        }
    }

    private URI encoded(String read, String query) {
        String parameters = Arrays.stream(query.split("&", -1))
                .map(parameter -> Arrays.stream(parameter.split("=", 2))
                        .map(part -> UriUtils.encodeQueryParam(part, StandardCharsets.UTF_8))
                        .collect(Collectors.joining("=")))
                .collect(Collectors.joining("&"));
        return URI.create("http://127.0.0.1:" + port + read + "?" + parameters);
    }
}
