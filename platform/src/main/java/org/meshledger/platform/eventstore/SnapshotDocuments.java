package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/** The latest snapshot of each aggregate, one document keyed by the aggregate identifier: one lookup to load. */
final class SnapshotDocuments {

    private final MongoCollection<Document> snapshots;

    SnapshotDocuments(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        String aggregate = snapshot.getAggregateIdentifier();
        Document current =
                snapshots.find(Filters.eq(EventDocuments.ID, aggregate)).first();
        if (current != null && EventDocuments.sequence(current) >= snapshot.getSequenceNumber()) {
            return;
        }
        Document document = EventDocuments.forEvent(snapshot, serializer);
        document.put(EventDocuments.ID, aggregate);
        document.remove(EventDocuments.STREAM_KEY);
        snapshots.replaceOne(Filters.eq(EventDocuments.ID, aggregate), document, new ReplaceOptions().upsert(true));
    }

    Stream<DomainEventData<?>> read(String aggregate) {
        Document document =
                snapshots.find(Filters.eq(EventDocuments.ID, aggregate)).first();
        return document == null ? Stream.empty() : Stream.of(EventDocuments.toEventData(document));
    }
}
