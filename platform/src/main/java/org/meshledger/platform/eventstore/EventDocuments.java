package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The stored shape of an event: one document per event, {@code _id} its global index, {@code streamKey} its place in
 * its aggregate's stream. A commit of several events records its first index and size in each of them, so readers
 * can tell a commit that is complete from one still being written or one given up.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String METADATA = "metaData";
    static final String COMMIT_START = "commitStart";
    static final String COMMIT_SIZE = "commitSize";
    static final String PLACEHOLDER = "placeholder";
    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";

    private EventDocuments() {}

    /** Unique per (aggregate, sequence): the sequence has no '#', so the last '#' always splits the pair. */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    /** Documents for one commit, without their global indexes (those are allocated just before insert). */
    static List<Document> forCommit(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> documents = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            documents.add(forEvent(event, serializer));
        }
        return documents;
    }

    static Document forEvent(EventMessage<?> event, Serializer serializer) {
        String aggregate = event.getIdentifier();
        long sequence = 0;
        String type = null;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            aggregate = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
            type = domainEvent.getType();
        }
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document(STREAM_KEY, streamKey(aggregate, sequence))
                .append(AGGREGATE, aggregate)
                .append(SEQUENCE, sequence)
                .append(TYPE, type)
                .append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(METADATA, metaData.getData());
    }

    /** What a tracker that gave up on an index, or a writer that abandoned it, leaves there: an index with no event. */
    static Document placeholder(long globalIndex) {
        return new Document(ID, globalIndex)
                // no aggregate stream key starts with '#': product ids and event identifiers never do
                .append(STREAM_KEY, "#placeholder#" + globalIndex)
                .append(PLACEHOLDER, true);
    }

    static boolean isPlaceholder(Document document) {
        return Boolean.TRUE.equals(document.getBoolean(PLACEHOLDER));
    }

    static long globalIndex(Document document) {
        return ((Number) document.get(ID)).longValue();
    }

    static long commitStart(Document document) {
        Number start = (Number) document.get(COMMIT_START);
        return start == null ? globalIndex(document) : start.longValue();
    }

    static int commitSize(Document document) {
        Number size = (Number) document.get(COMMIT_SIZE);
        return size == null ? 1 : size.intValue();
    }

    static long sequence(Document document) {
        return ((Number) document.get(SEQUENCE)).longValue();
    }

    /** The documents stored at these global indexes: an exact-key lookup on both stores. */
    static List<Document> atIndexes(MongoCollection<Document> events, Collection<Long> indexes) {
        return events.find(Filters.in(ID, indexes)).into(new ArrayList<>());
    }

    static DomainEventData<String> toEventData(Document document) {
        return new GenericDomainEventEntry<>(
                document.getString(TYPE),
                document.getString(AGGREGATE),
                sequence(document),
                document.getString(EVENT_ID),
                document.getString(TIMESTAMP),
                document.getString(PAYLOAD_TYPE),
                document.getString(PAYLOAD_REVISION),
                document.getString(PAYLOAD),
                document.getString(METADATA));
    }
}
