package org.meshledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.eventstore.EventStoreConfiguration;
import org.meshledger.platform.eventstore.ExtensionEventMigration;
import org.meshledger.platform.eventstore.LedgerEventStorageEngine;

/**
 * Bulk-loads a product history straight into the store: per product a registration and three transfers, one product
 * after another, made in the Axon Mongo extension's own format and converted into the ledger's by the migration's own
 * conversion ({@link ExtensionEventMigration#copy}), so both engines read exactly the same events.
 */
final class HistoryLoader {

    static final int EVENTS_PER_PRODUCT = 4;
    private static final int BATCH = 2_000;
    private static final Instant HISTORY_START = Instant.parse("2026-01-01T00:00:00Z");

    private final MongoClient client;
    private final Serializer serializer = EventStoreConfiguration.jacksonSerializer();

    HistoryLoader(MongoClient client) {
        this.client = client;
    }

    static String productId(int product) {
        return "bench.p-" + product;
    }

    /**
     * Loads {@code events} events into {@code <name>.events}, in the ledger's format, copied by the migration's own
     * conversion. With {@code forExtension} the same entries are stored in {@code <name>_ext.domainevents} too, as
     * they are copied, for the extension's engine to read.
     */
    void load(String name, int events, boolean forExtension) {
        Iterator<Document> entries =
                IntStream.range(0, events).mapToObj(this::entry).iterator();
        if (!forExtension) {
            ExtensionEventMigration.copy(entries, client.getDatabase(name));
            return;
        }
        MongoCollection<Document> extension =
                client.getDatabase(name + "_ext").getCollection(ExtensionEventMigration.EXTENSION_EVENTS);
        List<Document> batch = new ArrayList<>(BATCH);
        Iterator<Document> stored = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Document next() {
                Document entry = entries.next();
                batch.add(entry);
                if (batch.size() == BATCH || !entries.hasNext()) {
                    extension.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
                return entry;
            }
        };
        ExtensionEventMigration.copy(stored, client.getDatabase(name));
    }

    /** The {@code index}th event in the extension's format: products one after another, each moving team-0 to team-3. */
    private Document entry(int index) {
        int sequence = index % EVENTS_PER_PRODUCT;
        DomainEventMessage<?> event = event(
                productId(index / EVENTS_PER_PRODUCT),
                sequence,
                "team-" + (sequence - 1),
                "team-" + sequence,
                HISTORY_START.plusMillis(index));
        return new EventEntry(event, serializer).asDocument(EventEntryConfiguration.getDefault());
    }

    /**
     * Appends one product's history through the ledger's own engine, as its commands would have, in commits of
     * {@value #BATCH} events: a registration to team-0, then transfers back and forth between team-0 and team-1 (after
     * {@code events} events the owner is team-{@code (events - 1) % 2}). The product must be new to the store.
     */
    void appendHistory(String database, String productId, int events) {
        LedgerEventStorageEngine engine = LedgerEventStorageEngine.builder()
                .database(client.getDatabase(database))
                .eventSerializer(serializer)
                .snapshotSerializer(EventStoreConfiguration.snapshotSerializer())
                .build();
        List<DomainEventMessage<?>> commit = new ArrayList<>(BATCH);
        // a millisecond apart and all in the past: a transfer must be effective after the period it ends began
        Instant first = Instant.now().minusMillis(events);
        for (int sequence = 0; sequence < events; sequence++) {
            String from = "team-" + ((sequence + 1) % 2);
            commit.add(event(productId, sequence, from, "team-" + (sequence % 2), first.plusMillis(sequence)));
            if (commit.size() == BATCH || sequence == events - 1) {
                engine.appendEvents(commit);
                commit.clear();
            }
        }
    }

    private static DomainEventMessage<?> event(String productId, int sequence, String from, String to, Instant at) {
        // effective when recorded, as the command side makes them when a command names no effectiveAt
        Object payload = sequence == 0
                ? new DataProductRegistered(
                        productId, "bench", "Bench " + productId, Classification.DERIVED, to, null, at)
                : new OwnershipTransferred(productId, from, to, "reorganisation", null, at);
        MetaData metaData = MetaData.from(Map.of("actor", "bench@example.org", "correlationId", productId));
        return new GenericDomainEventMessage<>(
                "DataProduct",
                productId,
                sequence,
                payload,
                metaData,
                java.util.UUID.randomUUID().toString(),
                at);
    }
}
