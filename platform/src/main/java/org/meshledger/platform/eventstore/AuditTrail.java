package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The event log read raw, for audit: every stored event with its chain link, found by exact keys only (stream keys,
 * global indexes), so it costs the same on the embedded store as on MongoDB.
 */
public final class AuditTrail {

    private static final int SEQUENCE_WINDOW = 256;
    private static final int INDEX_WINDOW = 1000;

    private final MongoCollection<Document> events;
    private final EventLogHead head;

    public AuditTrail(MongoDatabase database, EventLogHead head) {
        this.events = database.getCollection(LedgerEventStorageEngine.EVENTS);
        this.head = head;
    }

    /**
     * The aggregate's stored events in sequence order, including those after a missing sequence: reading goes on
     * window by window until a window holds none and {@code readAtLeastTo} is passed.
     */
    public List<StoredEvent> stream(String aggregateId, long readAtLeastTo) {
        return read(aggregateId, readAtLeastTo, null);
    }

    /**
     * As {@link #stream}, without the payloads: what a listing of the events shows. A product's contract versions
     * make most of its stream's bytes, and a listing needs none of them.
     */
    public List<StoredEvent> listing(String aggregateId, long readAtLeastTo) {
        return read(aggregateId, readAtLeastTo, Projections.exclude(EventDocuments.PAYLOAD));
    }

    /**
     * The aggregate's stored events at sequences {@code [from, from + count)}, without their payloads, in order: one
     * page of a listing, read by its keys alone however long the stream.
     */
    public List<StoredEvent> listing(String aggregateId, long from, int count) {
        List<String> keys = LongStream.range(from, from + count)
                .mapToObj(sequence -> EventDocuments.streamKey(aggregateId, sequence))
                .toList();
        return events
                .find(Filters.in(EventDocuments.STREAM_KEY, keys))
                .projection(Projections.exclude(EventDocuments.PAYLOAD))
                .into(new ArrayList<>())
                .stream()
                .map(AuditTrail::stored)
                .sorted(Comparator.comparingLong(StoredEvent::sequence))
                .toList();
    }

    private List<StoredEvent> read(String aggregateId, long readAtLeastTo, Bson projection) {
        List<StoredEvent> found = new ArrayList<>();
        for (long first = 0; ; first += SEQUENCE_WINDOW) {
            List<String> keys = LongStream.range(first, first + SEQUENCE_WINDOW)
                    .mapToObj(sequence -> EventDocuments.streamKey(aggregateId, sequence))
                    .toList();
            List<Document> window = events.find(Filters.in(EventDocuments.STREAM_KEY, keys))
                    .projection(projection)
                    .into(new ArrayList<>());
            window.stream().map(AuditTrail::stored).forEach(found::add);
            if (window.isEmpty() && first + SEQUENCE_WINDOW > readAtLeastTo) {
                break;
            }
        }
        found.sort(Comparator.comparingLong(StoredEvent::sequence));
        return found;
    }

    /** One past the highest global index handed out so far. */
    public long nextIndex() {
        return head.nextIndex();
    }

    /**
     * Hands each event stored at {@code [from, to)} to {@code reader}, a window at a time, without holding the log in
     * memory. @return the lowest index that held nothing, or {@code to}
     */
    public long forEachStored(long from, long to, Consumer<StoredEvent> reader) {
        long firstMissing = to;
        for (long start = from; start < to; start += INDEX_WINDOW) {
            long end = Math.min(to, start + INDEX_WINDOW);
            List<Long> indexes = LongStream.range(start, end).boxed().toList();
            List<Document> window = EventDocuments.atIndexes(events, indexes);
            boolean[] present = new boolean[(int) (end - start)];
            for (Document document : window) {
                present[(int) (EventDocuments.globalIndex(document) - start)] = true;
                if (!EventDocuments.isPlaceholder(document) && document.getString(EventDocuments.TYPE) != null) {
                    reader.accept(stored(document));
                }
            }
            for (int offset = 0; offset < present.length && firstMissing == to; offset++) {
                if (!present[offset]) {
                    firstMissing = start + offset;
                }
            }
        }
        return firstMissing;
    }

    private static StoredEvent stored(Document document) {
        return new StoredEvent(
                EventDocuments.globalIndex(document),
                document.getString(EventDocuments.AGGREGATE),
                EventDocuments.sequence(document),
                ChainHash.typeName(document.getString(EventDocuments.PAYLOAD_TYPE)),
                DateTimeUtils.parseInstant(document.getString(EventDocuments.TIMESTAMP)),
                document.getString(EventDocuments.EVENT_ID),
                document.getString(EventDocuments.PAYLOAD),
                document.getString(EventDocuments.METADATA),
                document.getString(EventDocuments.HASH),
                document.getString(EventDocuments.PREVIOUS_HASH));
    }
}
