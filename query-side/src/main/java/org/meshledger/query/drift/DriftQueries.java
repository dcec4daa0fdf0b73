package org.meshledger.query.drift;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.meshledger.query.drift.DriftKind.Severity;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The drift timeline as its readers ask for it: the JSON routes and the console read it through here. */
@Service
public class DriftQueries {

    private final MongoTemplate mongo;

    DriftQueries(MongoTemplate mongo) {
        this.mongo = mongo;
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
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            DriftFilter filter = new DriftFilter(null, null, null, severity, since, null, now);
            counts.put(severity, mongo.count(new Query(filter.criteria()), DriftEntry.class));
        }
        return counts;
    }
}
