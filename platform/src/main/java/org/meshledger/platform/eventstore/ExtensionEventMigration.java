package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Copies an event collection written by the Axon Mongo extension (one document per event) into the ledger's format:
 * the same events, in the extension's own order (timestamp, then sequence), each given a global index in that order.
 * A deployment from before the ledger's engine moves over with it; views are then rebuilt from the copy.
 */
public final class ExtensionEventMigration {

    /** The collection the extension's engine writes events to. */
    public static final String EXTENSION_EVENTS = "domainevents";

    private static final int BATCH = 1_000;
    private static final int KEYS_PER_REPLY = 10_000;

    public record Result(long events, long aggregates, long firstIndex) {}

    private ExtensionEventMigration() {}

    /**
     * @throws IllegalStateException if the target already holds events: a migration copies into an empty ledger, so
     *     running it twice cannot duplicate anything
     */
    public static Result migrate(MongoCollection<Document> source, MongoDatabase target) {
        List<Position> order = extensionOrder(source);
        Iterator<Document> entries = IntStream.iterate(0, from -> from < order.size(), from -> from + BATCH)
                .mapToObj(from -> entries(source, order.subList(from, Math.min(order.size(), from + BATCH))))
                .flatMap(List::stream)
                .iterator();
        return copy(entries, target);
    }

    /**
     * Copies entries in the extension's format, given in the extension's order, into an empty ledger: what
     * {@link #migrate} does once it has read them, for entries that were never stored in the extension's collection.
     *
     * @throws IllegalStateException if the target already holds events
     */
    public static Result copy(Iterator<Document> entriesInOrder, MongoDatabase target) {
        MongoCollection<Document> events = target.getCollection(LedgerEventStorageEngine.EVENTS);
        if (events.countDocuments() > 0) {
            throw new IllegalStateException("The target database '%s' already holds events; migrate into an empty one"
                    .formatted(target.getName()));
        }
        events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), new IndexOptions().unique(true));
        GlobalSequence sequence = new GlobalSequence(target.getCollection(LedgerEventStorageEngine.SEQUENCES));
        Map<String, String> chainHeads = new HashMap<>();
        List<Document> batch = new ArrayList<>(BATCH);
        long first = -1;
        long last = -1;
        while (entriesInOrder.hasNext()) {
            last = sequence.allocate(1);
            first = first < 0 ? last : first;
            Document event = converted(entriesInOrder.next(), last);
            String aggregate = event.getString(EventDocuments.AGGREGATE);
            EventChain.linkTo(event, chainHeads.getOrDefault(aggregate, ChainHash.GENESIS));
            chainHeads.put(aggregate, event.getString(EventDocuments.HASH));
            batch.add(event);
            if (batch.size() == BATCH || !entriesInOrder.hasNext()) {
                events.insertMany(batch, new InsertManyOptions().ordered(true));
                batch.clear();
            }
        }
        sequence.advancePast(last);
        return new Result(first < 0 ? 0 : last + 1 - first, chainHeads.size(), Math.max(first, 0));
    }

    /** The entries at {@code slice}'s positions, in that order. */
    private static List<Document> entries(MongoCollection<Document> source, List<Position> slice) {
        Map<Object, Document> byId = new HashMap<>();
        for (Document entry :
                source.find(Filters.in("_id", slice.stream().map(Position::id).toList()))) {
            byId.put(entry.get("_id"), entry);
        }
        return slice.stream().map(position -> byId.get(position.id())).toList();
    }

    /**
     * Every event's place in the extension's order, read as keys only and sorted here: a server-side sort of a large
     * collection needs an index on all three keys (the extension declares two) or a spill to disk, and the embedded
     * store sorts the whole collection for every page. About 150 bytes per event are held while migrating.
     */
    private static List<Position> extensionOrder(MongoCollection<Document> source) {
        List<Position> order = new ArrayList<>();
        for (Document key : source.find()
                .projection(Projections.include("timestamp", "sequenceNumber", "aggregateIdentifier"))
                .batchSize(KEYS_PER_REPLY)) {
            order.add(new Position(
                    key.get("_id"),
                    key.getString("timestamp"),
                    ((Number) key.get("sequenceNumber")).longValue(),
                    key.getString("aggregateIdentifier")));
        }
        order.sort(Comparator.comparing(Position::timestamp)
                .thenComparingLong(Position::sequenceNumber)
                .thenComparing(Position::aggregate));
        return order;
    }

    private record Position(Object id, String timestamp, long sequenceNumber, String aggregate) {}

    private static Document converted(Document entry, long index) {
        String aggregate = entry.getString("aggregateIdentifier");
        long sequenceNumber = ((Number) entry.get("sequenceNumber")).longValue();
        return new Document(EventDocuments.ID, index)
                .append(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregate, sequenceNumber))
                .append(EventDocuments.AGGREGATE, aggregate)
                .append(EventDocuments.SEQUENCE, sequenceNumber)
                .append(EventDocuments.TYPE, entry.getString("type"))
                .append(EventDocuments.EVENT_ID, entry.getString("eventIdentifier"))
                .append(EventDocuments.TIMESTAMP, entry.getString("timestamp"))
                .append(EventDocuments.PAYLOAD_TYPE, entry.getString("payloadType"))
                .append(EventDocuments.PAYLOAD_REVISION, entry.getString("payloadRevision"))
                .append(EventDocuments.PAYLOAD, text(entry.get("serializedPayload")))
                .append(EventDocuments.METADATA, text(entry.get("serializedMetaData")));
    }

    /** The extension stores what the serializer produced: text, bytes, or a document. */
    private static String text(Object serialized) {
        if (serialized == null || serialized instanceof String) {
            return (String) serialized;
        }
        if (serialized instanceof Binary binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (serialized instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (serialized instanceof Document document) {
            return document.toJson();
        }
        throw new IllegalStateException(
                "Unreadable serialized form: " + serialized.getClass().getName());
    }
}
