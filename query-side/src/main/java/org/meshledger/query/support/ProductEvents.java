package org.meshledger.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A view that keeps one document per product remembers the last product event it has seen, even one that does not
 * change it, so {@code minVersion} waits end and a redelivered event is recognised.
 */
public final class ProductEvents {

    private static final String PRODUCT_AGGREGATE = "DataProduct";

    private ProductEvents() {}

    public static boolean isOnProductStream(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain && PRODUCT_AGGREGATE.equals(domain.getType());
    }

    /** Moves the document's {@code version} up to the event's sequence; never down, never twice. */
    public static void advanceVersion(MongoTemplate mongo, Class<?> view, EventMessage<?> message) {
        if (!isOnProductStream(message)) {
            return;
        }
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        String id = event.getAggregateIdentifier();
        ViewBatch batch = ViewBatch.current();
        if (batch != null && batch.covers(id)) {
            batch.advance(view, id, event.getSequenceNumber());
            return;
        }
        Query versionOnly = new Query(Criteria.where("_id").is(id));
        versionOnly.fields().include("version").include("observationVersion");
        while (true) {
            org.bson.Document current =
                    mongo.findOne(versionOnly, org.bson.Document.class, mongo.getCollectionName(view));
            if (current == null || current.get("version", Number.class).longValue() >= event.getSequenceNumber()) {
                return;
            }
            // equality on _id and version: an indexed lookup on both stores, and applied only over what was read
            Criteria unchangedSinceRead =
                    Criteria.where("_id").is(id).and("version").is(current.get("version"));
            if (current.containsKey("observationVersion")) {
                unchangedSinceRead =
                        unchangedSinceRead.and("observationVersion").is(current.get("observationVersion"));
            }
            Query unchanged = new Query(unchangedSinceRead);
            if (mongo.updateFirst(unchanged, new Update().set("version", event.getSequenceNumber()), view)
                            .getMatchedCount()
                    == 1) {
                return;
            }
        }
    }
}
