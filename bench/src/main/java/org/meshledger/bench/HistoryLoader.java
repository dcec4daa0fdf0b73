package org.meshledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * Bulk-loads a product history straight into the store: per product a registration and three transfers, one product
 * after another, written in the Axon Mongo extension's own format and copied into the ledger's format by the
 * migration, so both engines read exactly the same events.
 */
final class HistoryLoader {

    static final int EVENTS_PER_PRODUCT = 4;
    private static final int BATCH = 2_000;

    private final MongoClient client;
    private final Serializer serializer = EventStoreConfiguration.jacksonSerializer();

    HistoryLoader(MongoClient client) {
        this.client = client;
    }

    static String productId(int product) {
        return "bench.p-" + product;
    }

    /** Loads {@code events} events into {@code <name>_ext.domainevents} and copies them to {@code <name>.events}. */
    void load(String name, int events) {
        MongoCollection<Document> extension =
                client.getDatabase(name + "_ext").getCollection(ExtensionEventMigration.EXTENSION_EVENTS);
        EventEntryConfiguration format = EventEntryConfiguration.getDefault();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Document> batch = new ArrayList<>(BATCH);
        for (int index = 0; index < events; index++) {
            int product = index / EVENTS_PER_PRODUCT;
            int sequence = index % EVENTS_PER_PRODUCT;
            batch.add(new EventEntry(event(productId(product), sequence, start.plusMillis(index)), serializer)
                    .asDocument(format));
            if (batch.size() == BATCH) {
                extension.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            extension.insertMany(batch, new InsertManyOptions().ordered(false));
        }
        ExtensionEventMigration.migrate(extension, client.getDatabase(name));
    }

    private static DomainEventMessage<?> event(String productId, int sequence, Instant at) {
        Object payload = sequence == 0
                ? new DataProductRegistered(
                        productId, "bench", "Bench " + productId, Classification.DERIVED, "team-0", null, null)
                : new OwnershipTransferred(
                        productId, "team-" + (sequence - 1), "team-" + sequence, "reorganisation", null, null);
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
