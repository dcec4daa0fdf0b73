package org.meshledger.query.drift;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out drift cursors from one counter that every query-side replica shares, and remembers which entry got which,
 * so a replay rebuilds every entry under the cursor it had. Neither collection is cleared by a replay.
 */
@Component
public class DriftCursors {

    private static final String COUNTER = "drift";

    private final MongoTemplate mongo;

    DriftCursors(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long cursorFor(String entryKey) {
        Assigned assigned = mongo.findById(entryKey, Assigned.class);
        if (assigned != null) {
            return assigned.cursor();
        }
        long cursor = next();
        try {
            mongo.insert(new Assigned(entryKey, cursor));
            return cursor;
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return mongo.findById(entryKey, Assigned.class).cursor();
        }
    }

    /** The highest cursor handed out so far; entries up to it are stored or about to be. */
    public long latest() {
        Counter counter = mongo.findById(COUNTER, Counter.class);
        return counter == null ? 0 : counter.value();
    }

    private long next() {
        Counter counter = mongo.findAndModify(
                new Query(Criteria.where("_id").is(COUNTER)),
                new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Counter.class);
        return counter.value();
    }

    @Document("drift_cursor_counter")
    record Counter(@Id String id, long value) {}

    @Document("drift_cursor_assignments")
    record Assigned(@Id String entryKey, long cursor) {}
}
