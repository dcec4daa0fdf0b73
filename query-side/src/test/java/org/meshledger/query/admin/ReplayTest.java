package org.meshledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.platform.testing.ViewDigest;
import org.meshledger.query.QuerySideApplication;
import org.meshledger.query.catalog.CatalogProjections;
import org.meshledger.query.compliance.ComplianceProjections;
import org.meshledger.query.contracts.ContractProjections;
import org.meshledger.query.drift.DriftProjections;
import org.meshledger.query.ownershiphistory.OwnershipProjections;
import org.meshledger.query.support.ProductHistory;
import org.meshledger.query.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Replaying each view while writes keep arriving ends with views equal to a rebuild made from scratch, and the
 * progress an operator watches goes from 0 to 1.
 */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
class ReplayTest {

    private static final String VIEWS_DATABASE =
            "replayed_views_" + UUID.randomUUID().toString().substring(0, 8);
    private static final Slo SLO = new Slo(3600, 0.99, Duration.ofDays(30));

    private WebTestClient web;

    @LocalServerPort
    private int port;

    @org.junit.jupiter.api.BeforeEach
    void connect() {
        web = TestClients.to(port, Duration.ofSeconds(20));
    }

    @Autowired
    private EventStore eventStore;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.views-database", () -> VIEWS_DATABASE);
        // a stream of writes: a store of its own, so other tests' processors need not read past them
        registry.add("meshledger.store.database", () -> VIEWS_DATABASE + "_events");
    }

    @Test
    void givenWritesArriving_whenEachViewIsReplayed_thenProgressGoesFrom0To1AndTheViewsEqualAFreshRebuild()
            throws Exception {
        for (int index = 0; index < 30; index++) {
            eventStore.publish(
                    history("claims.replay-" + UUID.randomUUID().toString().substring(0, 8))
                            .events());
        }
        awaitAllCaughtUp();

        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                eventStore.publish(
                        history("claims.during-" + UUID.randomUUID().toString().substring(0, 8))
                                .events());
                sleep(20);
            }
        });
        writer.start();
        try {
            for (String view : ProjectionAdmin.VIEWS) {
                JsonNode started = web.post()
                        .uri("/api/admin/projections/" + view + "/replay")
                        .header("Authorization", "Bearer dev-steward")
                        .exchange()
                        .expectStatus()
                        .isAccepted()
                        .returnResult(JsonNode.class)
                        .getResponseBody()
                        .blockFirst(Duration.ofSeconds(10));
                assertThat(started.get("replaying").asBoolean()).isTrue();
                assertThat(started.get("progress").asDouble()).isLessThan(1.0);
                awaitReplayed(view);
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        awaitAllCaughtUp();

        String fresh = "fresh_" + UUID.randomUUID().toString().substring(0, 8);
        MongoTemplate rebuilt = new MongoTemplate(TestStore.client(), fresh);
        Projections.deliver(
                allStoredEvents(),
                CatalogProjections.create(rebuilt),
                OwnershipProjections.create(rebuilt),
                ContractProjections.create(rebuilt),
                ComplianceProjections.create(rebuilt),
                DriftProjections.create(rebuilt)[0],
                DriftProjections.create(rebuilt)[1]);
        assertThat(ViewDigest.perView(TestStore.client().getDatabase(VIEWS_DATABASE)))
                .isEqualTo(ViewDigest.perView(TestStore.client().getDatabase(fresh)));
    }

    /**
     * The status is read every 10 ms, so a report of "done" made before the view holds its events again is seen:
     * replays were once reported done from the first batch the processor committed, at position 0 with a lag of 719
     * in one run, in about one replay in three.
     */
    @Test
    void givenAQuietLog_whenAViewIsReplayed_thenItIsReportedDoneOnlyOnceItHasReadEveryEvent() {
        for (int index = 0; index < 40; index++) {
            eventStore.publish(
                    history("claims.quiet-" + UUID.randomUUID().toString().substring(0, 8))
                            .events());
        }
        awaitAllCaughtUp();
        long catalogued = cataloguedInClaims();

        for (int replay = 1; replay <= 6; replay++) {
            startReplay("product-catalog");
            // nothing is written after the replay began: it ends with the last event stored before it
            JsonNode done = awaitReplayed("product-catalog");
            assertThat(done.get("lag").asLong())
                    .as("the lag when replay %d was first reported done", replay)
                    .isZero();
            assertThat(cataloguedInClaims())
                    .as("products catalogued right after replay %d was reported done", replay)
                    .isEqualTo(catalogued);
        }
    }

    private long cataloguedInClaims() {
        return readAsViewer("/api/products?domain=claims&size=1").get("total").asLong();
    }

    /**
     * A replay is how an operator repairs a view in place. A summary read (and kept) while its stored document was
     * damaged must not go on answering after the replay has rebuilt it: nothing about the product changed since.
     */
    @Test
    void givenAKeptReadOfADamagedSummary_whenTheCatalogIsReplayed_thenReadsAnswerTheRebuiltSummary() {
        String product = "claims.repaired-" + UUID.randomUUID().toString().substring(0, 8);
        eventStore.publish(history(product).events());
        awaitAllCaughtUp();
        TestStore.client()
                .getDatabase(VIEWS_DATABASE)
                .getCollection("product_summaries")
                .updateOne(Filters.eq("_id", product), Updates.set("ownerTeam", "damaged"));
        long version = 0;
        for (int read = 0; read < 2; read++) {
            JsonNode damaged = summary(product);
            assertThat(damaged.get("ownerTeam").asText())
                    .as("read from the store, then kept")
                    .isEqualTo("damaged");
            version = damaged.get("version").asLong();
        }

        startReplay("product-catalog");
        awaitReplayed("product-catalog");

        JsonNode rebuilt = summary(product);
        assertThat(rebuilt.get("ownerTeam").asText()).isEqualTo("claims-platform");
        assertThat(rebuilt.get("version").asLong()).isEqualTo(version);
    }

    private void startReplay(String view) {
        web.post()
                .uri("/api/admin/projections/" + view + "/replay")
                .header("Authorization", "Bearer dev-steward")
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    private JsonNode summary(String product) {
        return readAsViewer("/api/products/" + product);
    }

    /** The answer to a viewer's GET of {@code path}, which must be 200. */
    private JsonNode readAsViewer(String path) {
        return web.get()
                .uri(path)
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void givenAnUnknownView_whenReplayed_then404AndOnlyStewardsMayReplay() {
        web.post()
                .uri("/api/admin/projections/no-such-view/replay")
                .header("Authorization", "Bearer dev-steward")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PROJECTION_NOT_FOUND");
        for (String token : List.of("dev-viewer", "dev-auditor", "dev-integration")) {
            web.post()
                    .uri("/api/admin/projections/compliance/replay")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }

    /** @return the first status that reports the view's replay done, read every 10 ms */
    private JsonNode awaitReplayed(String view) {
        List<Double> seen = new ArrayList<>();
        AtomicReference<JsonNode> done = new AtomicReference<>();
        await(Duration.ofMillis(10), () -> {
            JsonNode status = status(view);
            seen.add(status.get("progress").asDouble());
            if (!status.get("replaying").asBoolean() && status.get("progress").asDouble() == 1.0) {
                done.set(status);
            }
            return done.get() != null;
        });
        assertThat(seen).as("progress never goes back").isSorted();
        return done.get();
    }

    private void awaitAllCaughtUp() {
        await(() -> ProjectionAdmin.VIEWS.stream().allMatch(view -> {
            JsonNode status = status(view);
            return status.get("caughtUp").asBoolean() && status.get("lag").asLong() == 0;
        }));
    }

    private JsonNode status(String view) {
        JsonNode all = web.get()
                .uri("/api/admin/projections")
                .header("Authorization", "Bearer dev-steward")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        for (JsonNode status : all) {
            if (status.get("name").asText().equals(view)) {
                return status;
            }
        }
        throw new AssertionError("no status for " + view + " in " + all);
    }

    private List<EventMessage<?>> allStoredEvents() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                events.add(stream.nextAvailable());
            }
        }
        return events;
    }

    private static ProductHistory history(String product) {
        ProductHistory history = new ProductHistory(product, Instant.now())
                .then(new DataProductRegistered(
                        product, "claims", "n", Classification.DERIVED, "claims-core", null, null))
                .then(new SloDefined(product, Indicator.FRESHNESS, SLO))
                .then(new OwnershipTransferred(
                        product, "claims-core", "claims-platform", "reorg", null, Instant.now()));
        for (int index = 0; index < 5; index++) {
            history.observed(
                    new SliObserved(product, Indicator.FRESHNESS, index * 1000, Instant.now(), SLO, index < 4));
        }
        return history;
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        await(Duration.ofMillis(100), condition);
    }

    private static void await(Duration interval, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached within 60 s");
            }
            sleep(interval.toMillis());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
