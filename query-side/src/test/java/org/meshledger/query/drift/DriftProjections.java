package org.meshledger.query.drift;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class DriftProjections {

    private DriftProjections() {}

    /** Both handlers of the drift timeline's processing group, sharing one timeline as the processor's do. */
    public static Object[] create(MongoTemplate mongo) {
        DriftTimeline timeline = new DriftTimeline(mongo, new DriftCursors(mongo));
        return new Object[] {new DriftProjection(mongo, timeline), new ContractDriftProjection(mongo, timeline)};
    }
}
