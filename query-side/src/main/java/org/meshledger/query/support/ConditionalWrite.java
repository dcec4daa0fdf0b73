package org.meshledger.query.support;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Replaces a view document only if it still holds the versions it was read with. Two processes can work on one
 * segment for a moment when a claim moves between replicas; the slower one must not write back what it read before
 * the other moved on, so it reads again instead.
 */
public final class ConditionalWrite {

    private ConditionalWrite() {}

    public static boolean replaceIfUnchanged(MongoTemplate mongo, String id, long version, Object replacement) {
        return mongo.replace(
                                new Query(Criteria.where("_id")
                                        .is(id)
                                        .and("version")
                                        .is(version)),
                                replacement)
                        .getMatchedCount()
                == 1;
    }

    public static boolean replaceIfUnchanged(
            MongoTemplate mongo, String id, long version, long observationVersion, Object replacement) {
        Query unchanged = new Query(Criteria.where("_id")
                .is(id)
                .and("version")
                .is(version)
                .and("observationVersion")
                .is(observationVersion));
        return mongo.replace(unchanged, replacement).getMatchedCount() == 1;
    }
}
