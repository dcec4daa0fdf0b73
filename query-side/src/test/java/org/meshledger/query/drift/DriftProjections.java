package org.meshledger.query.drift;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class DriftProjections {

    private DriftProjections() {}

    public static Object create(MongoTemplate mongo) {
        return new DriftProjection(mongo, new DriftTimeline(mongo, new DriftCursors(mongo)));
    }
}
