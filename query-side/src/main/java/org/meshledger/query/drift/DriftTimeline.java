package org.meshledger.query.drift;

import java.time.Instant;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Writes entries once each: an entry already stored for the same event and kind is left as it is. */
@Component
class DriftTimeline {

    private final MongoTemplate mongo;
    private final DriftCursors cursors;

    DriftTimeline(MongoTemplate mongo, DriftCursors cursors) {
        this.mongo = mongo;
        this.cursors = cursors;
    }

    void record(
            String eventId,
            DriftKind kind,
            String productId,
            String domain,
            Instant at,
            String summary,
            Map<String, Object> details) {
        record(eventId + ":" + kind, eventId, kind, productId, domain, at, summary, details, null);
    }

    /** {@code entryKey} tells apart several entries one event causes; {@code escalatesAt} turns a warning critical. */
    void record(
            String entryKey,
            String eventId,
            DriftKind kind,
            String productId,
            String domain,
            Instant at,
            String summary,
            Map<String, Object> details,
            Instant escalatesAt) {
        if (alreadyStored(entryKey)) {
            return;
        }
        try {
            mongo.insert(new DriftEntry(
                    cursors.cursorFor(entryKey),
                    entryKey,
                    productId,
                    domain,
                    at,
                    kind,
                    kind.severity(),
                    summary,
                    details,
                    eventId,
                    escalatesAt));
        } catch (DuplicateKeyException alreadyThere) {
            // delivered twice at once: the other delivery stored it
        }
    }

    /**
     * A find by the unique key, not {@code exists}: that counts through an aggregation, which the embedded store
     * answers by scanning every entry, once per event.
     */
    private boolean alreadyStored(String entryKey) {
        Query byKey = new Query(Criteria.where("entryKey").is(entryKey)).limit(1);
        byKey.fields().include("_id");
        return mongo.findOne(byKey, org.bson.Document.class, mongo.getCollectionName(DriftEntry.class)) != null;
    }

    void clear() {
        mongo.dropCollection(DriftEntry.class);
        mongo.indexOps(DriftEntry.class)
                .ensureIndex(new org.springframework.data.mongodb.core.index.Index()
                        .on("entryKey", org.springframework.data.domain.Sort.Direction.ASC)
                        .unique());
    }
}
