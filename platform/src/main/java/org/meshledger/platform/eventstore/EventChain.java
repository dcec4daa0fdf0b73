package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.bson.Document;

/**
 * Links each event of a commit to its aggregate's previous event ({@link ChainHash}) before it is stored. The previous
 * hash usually comes from this process's own last append to the aggregate; otherwise it is one exact-key lookup.
 */
final class EventChain {

    private static final int REMEMBERED_AGGREGATES = 10_000;

    private final MongoCollection<Document> events;
    private final Map<String, Link> lastAppended = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > REMEMBERED_AGGREGATES;
        }
    };

    EventChain(MongoCollection<Document> events) {
        this.events = events;
    }

    void link(List<Document> commit) {
        Map<String, Link> inCommit = new HashMap<>();
        for (Document event : commit) {
            String aggregate = event.getString(EventDocuments.AGGREGATE);
            if (event.getString(EventDocuments.TYPE) == null) {
                continue;
            }
            long sequence = EventDocuments.sequence(event);
            String previous = previousHash(aggregate, sequence, inCommit.get(aggregate));
            linkTo(event, previous);
            inCommit.put(aggregate, new Link(sequence, event.getString(EventDocuments.HASH)));
        }
    }

    /** After the commit is stored: the next append to these aggregates needs no lookup. */
    void stored(List<Document> commit) {
        synchronized (lastAppended) {
            for (Document event : commit) {
                if (event.containsKey(EventDocuments.HASH)) {
                    lastAppended.put(
                            event.getString(EventDocuments.AGGREGATE),
                            new Link(EventDocuments.sequence(event), event.getString(EventDocuments.HASH)));
                }
            }
        }
    }

    /** Sets {@code previousHash} and {@code hash} on a document holding every other field of its event. */
    static void linkTo(Document event, String previousHash) {
        event.put(EventDocuments.PREVIOUS_HASH, previousHash);
        event.put(
                EventDocuments.HASH,
                ChainHash.of(
                        previousHash,
                        ChainHash.typeName(event.getString(EventDocuments.PAYLOAD_TYPE)),
                        EventDocuments.sequence(event),
                        DateTimeUtils.parseInstant(event.getString(EventDocuments.TIMESTAMP)),
                        event.getString(EventDocuments.PAYLOAD),
                        event.getString(EventDocuments.METADATA)));
    }

    private String previousHash(String aggregate, long sequence, Link earlierInCommit) {
        if (sequence == 0) {
            return ChainHash.GENESIS;
        }
        if (earlierInCommit != null && earlierInCommit.sequence() == sequence - 1) {
            return earlierInCommit.hash();
        }
        Link remembered;
        synchronized (lastAppended) {
            remembered = lastAppended.get(aggregate);
        }
        if (remembered != null && remembered.sequence() == sequence - 1) {
            return remembered.hash();
        }
        Document previous = events.find(
                        Filters.eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregate, sequence - 1)))
                .first();
        if (previous == null || previous.getString(EventDocuments.HASH) == null) {
            // an aggregate whose earlier events predate chaining: its chain starts here
            return ChainHash.GENESIS;
        }
        return previous.getString(EventDocuments.HASH);
    }

    private record Link(long sequence, String hash) {}
}
