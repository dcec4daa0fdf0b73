package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Hands out global indexes before events are inserted, from one counter document every writer in every process
 * increments. An index handed out is never handed out again, whether or not its event is ever stored.
 */
final class GlobalSequence {

    private static final String COUNTER = "events";
    private static final String NEXT = "next";

    private final MongoCollection<Document> counters;

    GlobalSequence(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /** The first of {@code count} consecutive indexes reserved for one commit. */
    long allocate(int count) {
        Document counter = counters.findOneAndUpdate(
                Filters.eq("_id", COUNTER),
                Updates.inc(NEXT, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get(NEXT, Number.class).longValue() - count;
    }

    /** The next index to be handed out: every index below it has been allocated (not necessarily stored). */
    long next() {
        Document counter = counters.find(Filters.eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.get(NEXT, Number.class).longValue();
    }

    /** Moves the counter past indexes taken by other means (a migration copying events in). */
    void advancePast(long index) {
        counters.updateOne(
                Filters.eq("_id", COUNTER),
                Updates.max(NEXT, index + 1),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }
}
