package org.meshledger.query.drift;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ViewBatch;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Writes entries once each: an entry already stored for the same event and kind is left as it is. */
@Component
class DriftTimeline {

    /** The cursor of an entry not stored yet: cursors start at 1. */
    private static final long UNNUMBERED = 0;

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
        DriftEntry entry = new DriftEntry(
                UNNUMBERED,
                entryKey,
                productId,
                domain,
                at,
                kind,
                kind.severity(),
                summary,
                details,
                eventId,
                escalatesAt);
        ViewBatch.collect(
                Pending.class, () -> new Pending(this), pending -> pending.entries.putIfAbsent(entryKey, entry));
    }

    /**
     * Stores the entries not stored yet, each under its cursor, in the order given: three queries, a cursor block and
     * two bulk inserts, however many there are. An entry a concurrent delivery stored first is left as that one
     * stored it.
     */
    private void store(List<DriftEntry> entries) {
        Set<String> stored =
                storedKeys(entries.stream().map(DriftEntry::entryKey).toList());
        List<DriftEntry> fresh = entries.stream()
                .filter(entry -> !stored.contains(entry.entryKey()))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Long> numbered =
                cursors.cursorsFor(fresh.stream().map(DriftEntry::entryKey).toList());
        CreateOnce.insertAll(
                mongo,
                fresh.stream()
                        .map(entry -> entry.withCursor(numbered.get(entry.entryKey())))
                        .toList());
    }

    /**
     * Finds by the unique key, never {@code exists}: that counts through an aggregation, which the embedded store
     * answers by scanning every entry.
     */
    private Set<String> storedKeys(List<String> entryKeys) {
        Set<String> stored = new HashSet<>();
        mongo.getCollection(mongo.getCollectionName(DriftEntry.class))
                .find(Filters.in("entryKey", entryKeys))
                .projection(Projections.include("entryKey"))
                .forEach(document -> stored.add(document.getString("entryKey")));
        return stored;
    }

    /** A processor batch's entries, stored together when the batch is written. */
    static final class Pending implements Runnable {

        private final DriftTimeline timeline;
        private final Map<String, DriftEntry> entries = new LinkedHashMap<>();

        Pending(DriftTimeline timeline) {
            this.timeline = timeline;
        }

        @Override
        public void run() {
            if (!entries.isEmpty()) {
                timeline.store(List.copyOf(entries.values()));
                entries.clear();
            }
        }
    }

    void clear() {
        mongo.dropCollection(DriftEntry.class);
        mongo.indexOps(DriftEntry.class)
                .ensureIndex(new org.springframework.data.mongodb.core.index.Index()
                        .on("entryKey", org.springframework.data.domain.Sort.Direction.ASC)
                        .unique());
    }
}
