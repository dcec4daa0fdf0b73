package org.meshledger.query.support;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Changes a view document only over what was read. Two processes can work on one segment for a moment when a claim
 * moves between replicas; the slower one must not write back what it read before the other moved on, so it reads
 * again, and stops once the event turns out to be applied. Inside a processor's batch the change is collected by
 * {@link ViewBatch} and written with the batch's others, under the same condition.
 */
public final class ViewUpdates {

    private ViewUpdates() {}

    public static <T> void apply(
            MongoTemplate mongo,
            Class<T> type,
            String id,
            Predicate<T> alreadyApplied,
            UnaryOperator<T> change,
            Function<T, Query> unchangedSinceRead) {
        ViewBatch batch = ViewBatch.current();
        if (batch != null && batch.covers(id)) {
            T current = batch.read(type, id);
            if (current != null && !alreadyApplied.test(current)) {
                batch.replace(type, id, change.apply(current));
            }
            return;
        }
        while (true) {
            T current = mongo.findById(id, type);
            if (current == null || alreadyApplied.test(current)) {
                return;
            }
            if (mongo.replace(unchangedSinceRead.apply(current), change.apply(current))
                            .getMatchedCount()
                    == 1) {
                return;
            }
        }
    }

    public static Query unchanged(String id, long version) {
        return new Query(Criteria.where("_id").is(id).and("version").is(version));
    }

    public static Query unchanged(String id, long version, long observationVersion) {
        return new Query(Criteria.where("_id")
                .is(id)
                .and("version")
                .is(version)
                .and("observationVersion")
                .is(observationVersion));
    }
}
