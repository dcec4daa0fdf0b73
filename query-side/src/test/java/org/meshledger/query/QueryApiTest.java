package org.meshledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.query.support.FindCounter;
import org.meshledger.query.support.ProductEventsSeen;
import org.meshledger.query.support.ProductHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The read API over views kept by the real processors, fed through the event store as the command side feeds it. */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// request metrics are under test; tests leave their export off unless asked
@AutoConfigureObservability
@SpringBootTest(
        classes = {QuerySideApplication.class, QueryApiTest.SummaryReads.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + QuerySideApplication.CONFIG_NAME,
            // long enough that a kept read left unrefreshed after a change would fail these tests
            "meshledger.views.cache.max-age=10m",
            // not this machine's core count: the test must tell the setting from the default
            "meshledger.http.event-loops=3"
        })
class QueryApiTest {

    @TestConfiguration
    static class SummaryReads {

        @Bean
        FindCounter summaryReads() {
            return new FindCounter("product_summaries");
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countSummaryReads(FindCounter summaryReads) {
            return settings -> settings.addCommandListener(summaryReads);
        }
    }

    @Autowired
    private FindCounter summaryReads;

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");

    private WebTestClient web;

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private ProductEventsSeen seen;

    @Autowired
    private Configuration axon;

    @Autowired
    private ApplicationContext context;

    private String productId;
    private String team;
    private ProductHistory history;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    @BeforeEach
    void recordHistory() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        productId = "claims.events-" + suffix;
        team = "claims-core-" + suffix;
        // recorded now: the store's tracking reads by recording time and would pass over back-dated inserts
        history = new ProductHistory(productId, Instant.now())
                .then(new DataProductRegistered(
                        productId, "claims", "Claim events", Classification.AUTHORITATIVE, team, null, JAN))
                .then(new OwnershipTransferred(productId, team, "claims-platform", "reorg", null, MAR))
                .then(new OwnershipTransferred(productId, "claims-platform", team, "back", "steward@example.org", JUN))
                .then(new ConsumerRegistered(productId, "fraud-analytics", 1));
        eventStore.publish(history.events());
        // the first answer may wait for processors that are still claiming their segments
        web = TestClients.to(port, Duration.ofSeconds(15));
    }

    @Test
    void givenRecordedEvents_whenReadWithMinVersion_thenTheSummaryIncludesThem() {
        get("/api/products/" + productId + "?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"3\"")
                .expectBody()
                .jsonPath("$.ownerTeam")
                .isEqualTo(team)
                .jsonPath("$.status")
                .isEqualTo("ACTIVE")
                .jsonPath("$.compatibility")
                .isEqualTo("FULL")
                .jsonPath("$.consumers[0].consumerTeam")
                .isEqualTo("fraud-analytics")
                .jsonPath("$.version")
                .isEqualTo(3);
    }

    @Test
    void givenAVersionNotYetRecorded_whenReadWithMinVersion_then202WithTheViewAsItIs() {
        get("/api/products/" + productId + "?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        summaryReads.reset();
        get("/api/products/" + productId + "?minVersion=9", "dev-viewer")
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(3);
        // the five seconds' wait looked at the view every 40 ms at most, not every few ms
        assertThat(summaryReads.documents()).isBetween(10L, 200L);
    }

    @Test
    void givenASummaryRead_whenReadAgainUnchanged_thenTheStoreIsNotAskedAgain() {
        get("/api/products/" + productId + "?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        summaryReads.reset();
        for (int read = 0; read < 3; read++) {
            get("/api/products/" + productId, "dev-viewer")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("ETag", "\"3\"")
                    .expectBody()
                    .jsonPath("$.ownerTeam")
                    .isEqualTo(team);
        }
        assertThat(summaryReads.documents()).isZero();
    }

    @Test
    void givenReadsKept_whenTheProductIsTransferred_thenTheNextReadsShowTheNewOwner() {
        String summary = "/api/products/" + productId;
        String ownership = summary + "/ownership-history";
        get(summary + "?minVersion=3", "dev-viewer").expectStatus().isOk();
        get(ownership + "?minVersion=3", "dev-viewer").expectStatus().isOk();
        get(summary, "dev-viewer").expectBody().jsonPath("$.ownerTeam").isEqualTo(team);

        eventStore.publish(new ProductHistory(productId, Instant.now())
                .continuing(history)
                .then(new OwnershipTransferred(
                        productId, team, "claims-platform", "handover", null, JUN.plusSeconds(60)))
                .events());

        // without minVersion, as a web UI refreshing its page asks: the kept reads must give way within seconds
        assertThat(eventually(summary, "$.ownerTeam")).isEqualTo("claims-platform");
        assertThat(eventually(ownership, "$.ownerAsOf")).isEqualTo("claims-platform");
        get(ownership, "dev-viewer").expectBody().jsonPath("$.periods.length()").isEqualTo(4);
    }

    /** Once settled, a kept read is answered for as long as no event of its product is seen, not only 30 s. */
    @Test
    void givenTheQuerySideRunning_thenItsKeptViewsSettleOnceTheyHaveReadPastTheHeadItStartedFrom() {
        for (int wait = 0; wait < 100 && !seen.settled(); wait++) {
            sleep(100);
        }
        assertThat(seen.settled())
                .as("the catalog and ownership views, processed here, read past the head within 10 s")
                .isTrue();
    }

    /** The field once it differs from the team that owned the product before, read every 50 ms for 5 s at most. */
    private Object eventually(String uri, String field) {
        Object value = null;
        for (int read = 0; read < 100 && (value == null || team.equals(value)); read++) {
            AtomicReference<Object> answer = new AtomicReference<>();
            get(uri, "dev-viewer")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath(field)
                    .value(answer::set);
            value = answer.get();
            if (team.equals(value)) {
                sleep(50);
            }
        }
        return value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTwoTransfers_whenAskedAsOfAndAsKnownAt_thenBitemporalAnswers() {
        String history = "/api/products/" + productId + "/ownership-history";
        get(history + "?minVersion=3&asOf=2026-02-01T00:00:00Z", "dev-auditor")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ownerAsOf")
                .isEqualTo(team)
                .jsonPath("$.periods.length()")
                .isEqualTo(3)
                .jsonPath("$.periods[1].ownerTeam")
                .isEqualTo("claims-platform")
                .jsonPath("$.periods[1].from")
                .isEqualTo("2026-03-01T00:00:00Z")
                .jsonPath("$.periods[1].to")
                .isEqualTo("2026-06-01T00:00:00Z")
                .jsonPath("$.periods[1].actor")
                .isEqualTo("steward@example.org")
                .jsonPath("$.periods[2].approvedBy")
                .isEqualTo("steward@example.org");
        get(history + "?asOf=2026-04-15T00:00:00Z", "dev-auditor")
                .expectBody()
                .jsonPath("$.ownerAsOf")
                .isEqualTo("claims-platform");
        List<String> recordedAt = get(history, "dev-auditor")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .entrySet()
                .stream()
                .filter(entry -> entry.getKey().equals("periods"))
                .flatMap(entry -> ((List<Map<String, Object>>) entry.getValue()).stream())
                .map(period -> (String) period.get("recordedAt"))
                .toList();
        get(history + "?asOf=2026-04-15T00:00:00Z&knownAt=" + recordedAt.get(1), "dev-auditor")
                .expectBody()
                .jsonPath("$.periods.length()")
                .isEqualTo(2)
                .jsonPath("$.ownerAsOf")
                .isEqualTo("claims-platform");
        get(history + "?asOf=2026-04-15T00:00:00Z&knownAt=" + recordedAt.get(0), "dev-auditor")
                .expectBody()
                .jsonPath("$.periods.length()")
                .isEqualTo(1)
                .jsonPath("$.ownerAsOf")
                .isEqualTo(team);
    }

    @Test
    void givenATeamThatOwnedTwice_whenItsHistoryIsAskedForAnInterval_thenOnlyItsPeriodsInIt() {
        get("/api/products/" + productId + "/ownership-history?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        get("/api/teams/" + team + "/ownership-history?from=2026-02-01T00:00:00Z&to=2026-07-01T00:00:00Z", "dev-viewer")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].productId")
                .isEqualTo(productId)
                .jsonPath("$.items[0].periods.length()")
                .isEqualTo(2);
        get("/api/teams/" + team + "/ownership-history?from=2026-03-02T00:00:00Z&to=2026-05-01T00:00:00Z", "dev-viewer")
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void givenATeamThatOwnedManyProducts_whenItsHistoryIsAsked_thenEveryProductIsInIt() {
        // more than a team's products are spread over, a few to each
        int products = 200;
        List<String> productIds = new ArrayList<>();
        for (int product = 0; product < products; product++) {
            String id = "claims.many-" + product + "-" + team;
            productIds.add(id);
            eventStore.publish(new ProductHistory(id, Instant.now())
                    .then(new DataProductRegistered(id, "claims", "Many", Classification.DERIVED, team, null, JAN))
                    .events());
        }
        get("/api/products/" + productIds.get(products - 1) + "/ownership-history?minVersion=0", "dev-viewer")
                .expectStatus()
                .isOk();
        List<String> listed = new ArrayList<>();
        for (int page = 0; page * 100 < products + 1; page++) {
            get("/api/teams/" + team + "/ownership-history?size=100&page=" + page, "dev-viewer")
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(products + 1)
                    .jsonPath("$.items[*].productId")
                    .value(ids -> listed.addAll((List<String>) ids));
        }
        assertThat(listed).containsAll(productIds).contains(productId).doesNotHaveDuplicates();
    }

    @Test
    void givenATeamsProductsStoredInOneDocumentBeforeTheBuckets_whenItsHistoryIsAsked_thenTheyAreStillIn() {
        get("/api/products/" + productId + "/ownership-history?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        MongoCollection<Document> teams = mongo.getCollection("team_products");
        teams.deleteMany(Filters.eq("team", team));
        teams.insertOne(new Document("_id", team).append("productIds", List.of(productId)));
        get("/api/teams/" + team + "/ownership-history", "dev-viewer")
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].productId")
                .isEqualTo(productId);
    }

    @Test
    void givenTheCatalog_whenListedWithFiltersAndPages_thenPagedAndValidated() {
        get("/api/products/" + productId + "?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        get("/api/products?owner=" + team + "&domain=claims&size=1", "dev-viewer")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.size")
                .isEqualTo(1)
                .jsonPath("$.items[0].productId")
                .isEqualTo(productId);
        get("/api/products?size=501", "dev-viewer")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_QUERY");
        get("/api/products?page=-1", "dev-viewer").expectStatus().isBadRequest();
        get("/api/products?status=SLEEPING", "dev-viewer").expectStatus().isBadRequest();
    }

    @Test
    void givenAParameterOfTheWrongType_then400NamingTheParameterAndWhatItTakes() {
        get("/api/products/" + productId + "?minVersion=abc", "dev-viewer")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNREADABLE_REQUEST")
                .jsonPath("$.detail")
                .isEqualTo("minVersion: 'abc' is not a whole number")
                .jsonPath("$.errors[0].field")
                .isEqualTo("minVersion");
        get("/api/products/" + productId + "/ownership-history?asOf=yesterday", "dev-auditor")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("asOf: 'yesterday' is not an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        get("/api/drift?severity=LOUD", "dev-viewer")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("severity: 'LOUD' is not one of INFO, WARNING, CRITICAL");
    }

    @Test
    void givenANegativeMinVersion_then400NamingIt() {
        for (String path : List.of("/api/products/" + productId, "/api/products/" + productId + "/ownership-history")) {
            get(path + "?minVersion=-1", "dev-viewer")
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("INVALID_REQUEST")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("minVersion")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("'-1' must be greater than or equal to 0");
        }
    }

    @Test
    void givenAMalformedProductId_thenBothReadsAnswerAsEveryOtherProductRoute() {
        AtomicReference<String> controllerMessage = new AtomicReference<>();
        get("/api/products/Claims_Events/contract-versions", "dev-viewer")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(message -> controllerMessage.set((String) message));
        assertThat(controllerMessage.get()).startsWith("'Claims_Events' must match");
        for (String path : List.of("/api/products/Claims_Events", "/api/products/Claims_Events/ownership-history")) {
            get(path + "?minVersion=-1", "dev-viewer")
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("INVALID_REQUEST")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("productId")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo(controllerMessage.get())
                    .jsonPath("$.errors[1].field")
                    .isEqualTo("minVersion");
        }
    }

    @Test
    void givenTheVersionACallerHolds_thenNotModified_andHeadAnswersWithoutABody() {
        get("/api/products/" + productId + "?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        web.get()
                .uri("/api/products/" + productId)
                .header("Authorization", "Bearer dev-viewer")
                .header("If-None-Match", "\"3\"")
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectBody()
                .isEmpty();
        web.get()
                .uri("/api/products/" + productId)
                .header("Authorization", "Bearer dev-viewer")
                .header("If-None-Match", "\"2\"")
                .exchange()
                .expectStatus()
                .isOk();
        web.head()
                .uri("/api/products/" + productId + "/ownership-history?minVersion=3")
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .isEmpty();
    }

    @Test
    void givenProductReads_thenRequestMetricsNameTheirRoutes() {
        get("/api/products/" + productId + "?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        get("/api/products/" + productId + "/ownership-history?minVersion=3", "dev-viewer")
                .expectStatus()
                .isOk();
        String metrics = new String(web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(metrics)
                .contains("uri=\"/api/products/{productId}\"")
                .contains("uri=\"/api/products/{productId}/ownership-history\"")
                .doesNotContain("uri=\"/api/products/" + productId)
                // requests are timed, with no in-flight timer per request
                .contains("http_server_requests_seconds_count{")
                .doesNotContain("http_server_requests_active");
    }

    @Test
    void givenACallerThatAcceptsNoJsonOrSendsAnUnreadableAccept_then406() {
        for (String path : List.of("/api/products/" + productId, "/api/products/" + productId + "/ownership-history")) {
            web.get()
                    .uri(path)
                    .header("Authorization", "Bearer dev-viewer")
                    .accept(MediaType.APPLICATION_XML)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(406);
            web.get()
                    .uri(path)
                    .header("Authorization", "Bearer dev-viewer")
                    .header("Accept", "not a media type")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(406)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("NOT_ACCEPTABLE");
        }
    }

    @Test
    void givenAMethodAProductReadDoesNotTake_then405_andOptionsListsWhatItTakes() {
        for (String path : List.of("/api/products/" + productId, "/api/products/" + productId + "/ownership-history")) {
            web.delete()
                    .uri(path)
                    .header("Authorization", "Bearer dev-steward")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(405)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("METHOD_NOT_ALLOWED");
            web.options()
                    .uri(path)
                    .header("Authorization", "Bearer dev-viewer")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(
                            "Allow",
                            allowed -> assertThat(allowed).contains("GET").doesNotContain("POST"));
        }
    }

    @Test
    void givenTheOpenApiDocument_thenBothProductReadsAreDescribedWithTheirParameters() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/products/{productId}'].get.parameters[*].name")
                .value(names -> assertThat((List<Object>) names).containsExactly("productId", "minVersion"))
                .jsonPath("$.paths['/api/products/{productId}/ownership-history'].get.parameters[*].name")
                .value(names ->
                        assertThat((List<Object>) names).containsExactly("productId", "asOf", "knownAt", "minVersion"))
                .jsonPath("$.paths['/api/products/{productId}/ownership-history'].get.responses['200']")
                .exists()
                .jsonPath("$.paths['/api/products/{productId}'].delete")
                .doesNotExist()
                .jsonPath("$.paths['/api/products/{productId}/ownership-history'].post")
                .doesNotExist();
    }

    @Test
    void givenAnUnknownProductOrNoToken_thenProblems() {
        get("/api/products/claims.never-registered", "dev-viewer")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PRODUCT_NOT_FOUND");
        get("/api/products/claims.never-registered/ownership-history", "dev-viewer")
                .expectStatus()
                .isNotFound();
        get("/api/products/" + productId, null).expectStatus().isUnauthorized();
    }

    @Test
    void givenAProduct_whenAnAuditorReadsItsEvents_thenEveryEventInOrderWithActorAndCorrelationId() {
        List<String> lines = web.get()
                .uri("/api/audit/products/" + productId + "/events")
                .header("Authorization", "Bearer dev-auditor")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(String.class)
                .getResponseBody()
                .collectList()
                .block();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .contains(
                        "\"sequence\":0",
                        "\"type\":\"DataProductRegistered\"",
                        "\"actor\":\"steward@example.org\"",
                        "\"correlationId\":\"");
        assertThat(lines.get(3)).contains("\"sequence\":3", "\"type\":\"ConsumerRegistered\"");
    }

    @Test
    void givenTheAuditStream_whenReadByRolesWithoutAuditRights_then403() {
        for (String token : List.of("dev-viewer", "dev-integration")) {
            get("/api/audit/products/" + productId + "/events", token)
                    .expectStatus()
                    .isForbidden();
        }
        get("/api/audit/products/" + productId + "/events", "dev-steward")
                .expectStatus()
                .isOk();
        get("/api/audit/products/claims.never-registered/events", "dev-auditor")
                .expectStatus()
                .isNotFound();
        assertThat(TestStore.storedEvents()).isPositive();
    }

    @Test
    void givenManyConnections_thenTheServerSpreadsThemOverItsConfiguredEventLoopsOnly() throws IOException {
        for (int connection = 0; connection < 8; connection++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream()
                        .write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
        }

        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .map(Thread::getName)
                        .filter(name -> name.startsWith("meshledger-http")))
                .hasSize(3);
    }

    @Test
    void givenEveryView_thenItsHandlersAreTimedByTheProcessorsBatchNotPerEvent() throws ClassNotFoundException {
        // package-private in Axon: the wrapper its per-event timer puts around a handler
        Class<?> timedPerEvent =
                Class.forName("org.axonframework.messaging.timeout.TimeoutWrappedMessageHandlingMember");
        Map<String, Object> views = context.getBeansWithAnnotation(ProcessingGroup.class);
        List<MessageHandlingMember<?>> handlers = new ArrayList<>();
        for (Object view : views.values()) {
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) view.getClass();
            AnnotatedHandlerInspector.inspectType(type, axon.parameterResolverFactory(), axon.handlerDefinition(type))
                    .getAllHandlers()
                    .values()
                    .forEach(handlers::addAll);
        }

        assertThat(views).hasSizeGreaterThanOrEqualTo(5);
        assertThat(handlers).isNotEmpty();
        assertThat(handlers).noneMatch(handler -> handler.unwrap(timedPerEvent).isPresent());
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(uri);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }
}
