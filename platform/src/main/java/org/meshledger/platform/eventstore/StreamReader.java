package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

/**
 * Reads one aggregate's stream by exact stream keys ({@code streamKey $in}), never by range: a product with ten
 * thousand events costs a few indexed lookups per batch on MongoDB and on the embedded store alike.
 */
final class StreamReader {

    // every key asked for is an index lookup even when nothing is stored there: a team's stream, read on each
    // product command, holds a handful of events, and a product's is read past its snapshot in doubling batches
    private static final int FIRST_BATCH = 8;
    private static final int PROBES_PER_ROUND = 64;

    private final MongoCollection<Document> events;
    private final int maxBatch;

    StreamReader(MongoCollection<Document> events, int maxBatch) {
        this.events = events;
        this.maxBatch = maxBatch;
    }

    /** A short first batch for the common short stream, growing with the stream up to the configured batch. */
    static int batchFrom(long firstSequence, int maxBatch) {
        return (int) Math.min(maxBatch, Math.max(FIRST_BATCH, firstSequence));
    }

    /** The events from {@code firstSequence} on that are visible, stopping at the first one that is not. */
    List<DomainEventData<?>> fetch(String aggregate, long firstSequence) {
        int size = batchFrom(firstSequence, maxBatch);
        List<String> keys = new ArrayList<>(size);
        for (long sequence = firstSequence; sequence < firstSequence + size; sequence++) {
            keys.add(EventDocuments.streamKey(aggregate, sequence));
        }
        Map<Long, Document> byIndex = new HashMap<>();
        Map<Long, Document> bySequence = new HashMap<>();
        for (Document document : events.find(Filters.in(EventDocuments.STREAM_KEY, keys))) {
            byIndex.put(EventDocuments.globalIndex(document), document);
            bySequence.put(EventDocuments.sequence(document), document);
        }
        // a batch of a stream stored in large commits would otherwise fetch the rest of each commit, batch after batch
        Commits.completeWithLastMembers(byIndex, ids -> EventDocuments.atIndexes(events, ids));
        List<DomainEventData<?>> visible = new ArrayList<>();
        for (long sequence = firstSequence; sequence < firstSequence + size; sequence++) {
            Document document = bySequence.get(sequence);
            if (document == null || Commits.byLastMember(document, byIndex) != Commits.Visibility.VISIBLE) {
                break;
            }
            visible.add(EventDocuments.toEventData(document));
        }
        return visible;
    }

    /**
     * The highest sequence stored for the aggregate. A stream has no holes, so its stored sequences are a prefix
     * of 0, 1, 2…: probe 0, 1, 3, 7… in one query, then narrow the bracket 64 points at a time.
     */
    Optional<Long> lastSequence(String aggregate) {
        List<Long> probes = new ArrayList<>();
        for (int power = 0; power < 62; power++) {
            probes.add((1L << power) - 1);
        }
        long present = -1;
        long absent = Long.MAX_VALUE;
        while (true) {
            List<Long> stored = storedAmong(aggregate, probes);
            for (long probe : probes) {
                if (stored.contains(probe)) {
                    present = Math.max(present, probe);
                } else if (probe > present) {
                    absent = Math.min(absent, probe);
                }
            }
            if (absent - present <= 1) {
                return present < 0 ? Optional.empty() : Optional.of(present);
            }
            probes = new ArrayList<>();
            long step = Math.max(1, (absent - present) / (PROBES_PER_ROUND + 1));
            for (long probe = present + step; probe < absent && probes.size() < PROBES_PER_ROUND; probe += step) {
                probes.add(probe);
            }
            if (probes.isEmpty() || probes.get(probes.size() - 1).longValue() != absent - 1) {
                probes.add(absent - 1);
            }
        }
    }

    private List<Long> storedAmong(String aggregate, List<Long> sequences) {
        List<String> keys = sequences.stream()
                .map(sequence -> EventDocuments.streamKey(aggregate, sequence))
                .toList();
        List<Long> stored = new ArrayList<>();
        for (Document document : events.find(Filters.in(EventDocuments.STREAM_KEY, keys))
                .projection(new Document(EventDocuments.SEQUENCE, 1))) {
            stored.add(EventDocuments.sequence(document));
        }
        return stored;
    }
}
