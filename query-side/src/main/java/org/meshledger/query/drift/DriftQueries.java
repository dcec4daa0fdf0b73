package org.meshledger.query.drift;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.meshledger.query.drift.DriftKind.Severity;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The drift timeline as its readers ask for it: the JSON routes and the console read it through here. */
@Service
public class DriftQueries {

    private final MongoTemplate mongo;
    private final NewestDrift newest;

    DriftQueries(MongoTemplate mongo, NewestDrift newest) {
        this.mongo = mongo;
        this.newest = newest;
    }

    /** A product's newest entries (the mesh's when null), and the cursor a live feed that follows them starts from. */
    public record Newest(List<DriftEntry> entries, long cursor) {}

    /**
     * Up to {@code count} (at most 20) newest entries of a product, or of the mesh when {@code productId} is null, each
     * with the severity it has at {@code now}: a few entries read by id ({@link NewestDrift}), however long the
     * timeline.
     */
    public Newest newest(String productId, int count, Instant now) {
        NewestDrift.Newest keys = newest.newest(productId, count);
        List<Long> cursors = keys.keys().stream().map(NewestDrift.Key::cursor).toList();
        List<DriftEntry> entries = mongo.find(new Query(Criteria.where("_id").in(cursors)), DriftEntry.class).stream()
                .sorted(Comparator.comparing(
                        (DriftEntry entry) -> new NewestDrift.Key(entry.at(), entry.cursor()),
                        NewestDrift.Key.NEWEST_FIRST))
                .map(entry -> entry.asOf(now))
                .toList();
        return new Newest(entries, keys.cursor());
    }

    /** Entries newest first, each with the severity it has at the filter's {@code now}. */
    public Page<DriftEntry> newestFirst(DriftFilter filter, PageRequest paging) {
        long total = mongo.count(new Query(filter.criteria()), DriftEntry.class);
        Query query = new Query(filter.criteria())
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip(paging.offset())
                .limit(paging.size());
        List<DriftEntry> entries = mongo.find(query, DriftEntry.class).stream()
                .map(entry -> entry.asOf(filter.now()))
                .toList();
        return new Page<>(entries, paging.page(), paging.size(), total);
    }

    /** How many entries since {@code since} have each severity, as it stands at {@code now}; none is 0. */
    public Map<Severity, Long> countsBySeverity(Instant since, Instant now) {
        Map<Severity, Long> kept = newest.countsBySeverity(since, now);
        if (kept != null) {
            return kept;
        }
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            DriftFilter filter = new DriftFilter(null, null, null, severity, since, null, now);
            counts.put(severity, mongo.count(new Query(filter.criteria()), DriftEntry.class));
        }
        return counts;
    }
}
