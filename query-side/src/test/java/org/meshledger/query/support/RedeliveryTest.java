package org.meshledger.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.ContractVersionDeprecated;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductDeprecated;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;
import org.meshledger.api.model.SloChange;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.platform.testing.ViewDigest;
import org.meshledger.query.catalog.CatalogProjections;
import org.meshledger.query.compliance.ComplianceProjections;
import org.meshledger.query.contracts.ContractProjections;
import org.meshledger.query.drift.DriftProjections;
import org.meshledger.query.ownershiphistory.OwnershipProjections;
import org.springframework.data.mongodb.core.MongoTemplate;

/** At-least-once delivery: a view handed the same events again, in any interleaving, is the view it was. */
class RedeliveryTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Slo SLO = new Slo(3600, 0.99, Duration.ofDays(30));

    @Test
    void givenViewsBuiltOnce_whenEveryEventIsDeliveredAgain_thenDigestUnchanged() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.addAll(history("claims.first", "claims-core").events());
        events.addAll(history("claims.second", "claims-core").events());

        MongoDatabase once = build(events);
        List<DomainEventMessage<?>> twice = new ArrayList<>(events);
        twice.addAll(events);
        MongoDatabase redelivered = build(twice);
        List<DomainEventMessage<?>> stuttering = new ArrayList<>();
        events.forEach(event -> {
            stuttering.add(event);
            stuttering.add(events.get(0));
            stuttering.add(event);
        });
        MongoDatabase interleaved = build(stuttering);

        assertThat(ViewDigest.documents(once))
                .as(
                        "per product a summary, an ownership record, a contract index, a compliance record, two drift states and three drift"
                                + " entries (transfer, breach started, loosened); and two teams")
                .isEqualTo(2 * 9 + 2);
        assertThat(ViewDigest.of(redelivered)).isEqualTo(ViewDigest.of(once));
        assertThat(ViewDigest.of(interleaved)).isEqualTo(ViewDigest.of(once));
    }

    @Test
    void givenEventsHandledInBatches_whenWrittenTogether_thenTheViewsAreThoseBuiltEventByEvent() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.addAll(history("claims.first", "claims-core").events());
        events.addAll(withContracts("claims.second").events());
        MongoDatabase once = build(events);

        for (int batchSize : new int[] {1, 3, 100}) {
            MongoDatabase batched = buildInBatches(events, batchSize);
            assertThat(ViewDigest.perView(batched))
                    .as("batches of %d", batchSize)
                    .isEqualTo(ViewDigest.perView(once));
            assertThat(ViewDigest.of(batched)).as("batches of %d", batchSize).isEqualTo(ViewDigest.of(once));
        }
        List<DomainEventMessage<?>> twice = new ArrayList<>(events);
        twice.addAll(events);
        assertThat(ViewDigest.of(buildInBatches(twice, 7)))
                .as("delivered again, partly in the same batch")
                .isEqualTo(ViewDigest.of(once));
    }

    @Test
    void givenFortyTransfersInOneBatch_whenWritten_thenTheirDriftEntriesAndTeamProductsTakeAFixedNumberOfRoundTrips() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int product = 0; product < 40; product++) {
            events.addAll(history("claims.many-" + product, "claims-core").events());
        }
        CommandCounter commands = new CommandCounter(
                "drift_entries", "drift_cursor_assignments", "drift_cursor_counter", "team_products");
        try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestStore.uri()))
                .addCommandListener(commands)
                .build())) {
            String name = "views_" + UUID.randomUUID().toString().substring(0, 8);
            MongoTemplate mongo = new MongoTemplate(counted, name);
            Object[] projections = {
                OwnershipProjections.create(mongo), DriftProjections.create(mongo)[0], DriftProjections.create(mongo)[1]
            };
            int settingUp = commands.count();
            Projections.deliverInBatches(events, events.size(), mongo, projections);
            int writingTheBatch = commands.count() - settingUp;

            assertThat(mongo.getCollection("drift_entries").countDocuments())
                    .as("a transfer, a breach started and a loosened SLO per product")
                    .isEqualTo(3 * 40);
            assertThat(writingTheBatch)
                    .as("one read of stored entries and of given cursors, one cursor block and one insert of each; one"
                            + " upsert of the team buckets: per batch, not per entry")
                    .isLessThanOrEqualTo(6);
        }
    }

    /** Counts the commands sent to some collections. */
    private static final class CommandCounter implements CommandListener {

        private final Set<String> collections;
        private final AtomicInteger commands = new AtomicInteger();

        CommandCounter(String... collections) {
            this.collections = Set.of(collections);
        }

        int count() {
            return commands.get();
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonValue target = event.getCommand().get(event.getCommandName());
            if (target != null
                    && target.isString()
                    && collections.contains(target.asString().getValue())) {
                commands.incrementAndGet();
            }
        }
    }

    /** Two majors in one batch: the second deprecates the first, whose version document the batch has just made. */
    private static ProductHistory withContracts(String productId) {
        return new ProductHistory(productId, START)
                .then(new DataProductRegistered(
                        productId, "claims", "n", Classification.DERIVED, "claims-core", null, null))
                .then(contract(productId, "1.0.0", null, null))
                .then(new ConsumerRegistered(productId, "fraud", 1))
                .then(contract(productId, "2.0.0", 1, START.plus(Duration.ofDays(30))))
                .then(new ContractVersionDeprecated(productId, "2.0.0", START.plus(Duration.ofDays(90)), "superseded"));
    }

    private static ContractVersionPublished contract(
            String productId, String version, Integer deprecates, Instant sunset) {
        return new ContractVersionPublished(
                productId,
                version,
                "v3.1.0",
                "apiVersion: v3.1.0\nkind: DataContract\nid: c\nstatus: active\nversion: " + version + "\n",
                Compatibility.FULL,
                deprecates == null ? Bump.MINOR : Bump.MAJOR,
                List.of(),
                List.of(),
                "claims-core",
                deprecates,
                sunset,
                "v3.1.0");
    }

    @Test
    void givenADocumentInsertedByAnotherProcessMidBatch_whenTheBatchIsWritten_thenItIsRetried_keepingTheCause() {
        String name = "views_" + UUID.randomUUID().toString().substring(0, 8);
        MongoTemplate mongo = new MongoTemplate(TestStore.client(), name);
        List<DomainEventMessage<?>> events =
                history("claims.raced", "claims-core").events();
        AnnotationEventHandlerAdapter catalog = new AnnotationEventHandlerAdapter(CatalogProjections.create(mongo));
        Object raced = new Object() {
            @EventHandler
            void on(Object payload, EventMessage<?> event) throws Exception {
                catalog.handle(event);
                if (payload instanceof DataProductRegistered) {
                    // another replica, still holding the segment for a moment, catalogued the product first
                    mongo.getCollection("product_summaries")
                            .insertOne(new org.bson.Document("_id", "claims.raced").append("version", 0L));
                }
            }
        };

        assertThatThrownBy(() -> Projections.deliverInBatches(events.subList(0, 1), 10, mongo, raced))
                .as("a conflict, retried as one, its cause kept")
                .hasStackTraceContaining(ViewBatch.ConcurrentViewChange.class.getName())
                .hasRootCauseInstanceOf(com.mongodb.MongoBulkWriteException.class);
    }

    @Test
    void givenADocumentChangedByAnotherProcessMidBatch_whenTheBatchIsWritten_thenItIsRefusedWhole() {
        String name = "views_" + UUID.randomUUID().toString().substring(0, 8);
        MongoTemplate mongo = new MongoTemplate(TestStore.client(), name);
        List<DomainEventMessage<?>> events =
                history("claims.contested", "claims-core").events();
        Projections.deliver(events.subList(0, 1), CatalogProjections.create(mongo));
        AnnotationEventHandlerAdapter catalog = new AnnotationEventHandlerAdapter(CatalogProjections.create(mongo));
        Object contested = new Object() {
            @EventHandler
            void on(Object payload, EventMessage<?> event) throws Exception {
                catalog.handle(event);
                if (payload instanceof SloDefined) {
                    // another replica, still holding the segment for a moment, moves the summary on meanwhile
                    mongo.getCollection("product_summaries")
                            .updateOne(Filters.eq("_id", "claims.contested"), Updates.set("version", 5));
                }
            }
        };

        assertThatThrownBy(() -> Projections.deliverInBatches(events.subList(1, 3), 10, mongo, contested))
                .hasRootCauseInstanceOf(ViewBatch.ConcurrentViewChange.class);
        assertThat(mongo.getCollection("product_summaries")
                        .find(Filters.eq("_id", "claims.contested"))
                        .first()
                        .get("ownerTeam"))
                .as("nothing of the refused batch was written: the next delivery applies it on what is there")
                .isEqualTo("claims-core");
    }

    private static MongoDatabase buildInBatches(List<DomainEventMessage<?>> events, int batchSize) {
        return build((mongo, projections) -> Projections.deliverInBatches(events, batchSize, mongo, projections));
    }

    private static ProductHistory history(String productId, String owner) {
        return new ProductHistory(productId, START)
                .then(new DataProductRegistered(productId, "claims", "n", Classification.DERIVED, owner, null, null))
                .then(new SloDefined(productId, Indicator.FRESHNESS, SLO))
                .then(new OwnershipTransferred(
                        productId, owner, "claims-platform", "reorg", null, START.plusSeconds(600)))
                .then(new ConsumerRegistered(productId, "fraud", 1))
                .observed(new SliObserved(productId, Indicator.FRESHNESS, 100, START, SLO, true))
                .observed(new SliObserved(productId, Indicator.FRESHNESS, 9000, START, SLO, false))
                .observed(new SliObserved(productId, Indicator.FRESHNESS, 50, START, SLO, true))
                .then(new SloChanged(
                        productId,
                        Indicator.FRESHNESS,
                        SLO,
                        new Slo(7200, 0.99, Duration.ofDays(30)),
                        SloChange.LOOSENED))
                .then(new ConsumerRemoved(productId, "fraud", 1))
                .then(new DataProductDeprecated(productId, "old"));
    }

    private static MongoDatabase build(List<DomainEventMessage<?>> events) {
        return build((mongo, projections) -> Projections.deliver(events, projections));
    }

    /** Every view, built in a database of its own by {@code delivery}. */
    private static MongoDatabase build(java.util.function.BiConsumer<MongoTemplate, Object[]> delivery) {
        String name = "views_" + UUID.randomUUID().toString().substring(0, 8);
        MongoTemplate mongo = new MongoTemplate(TestStore.client(), name);
        delivery.accept(mongo, new Object[] {
            CatalogProjections.create(mongo),
            OwnershipProjections.create(mongo),
            ContractProjections.create(mongo),
            ComplianceProjections.create(mongo),
            DriftProjections.create(mongo)[0],
            DriftProjections.create(mongo)[1]
        });
        return TestStore.client().getDatabase(name);
    }
}
