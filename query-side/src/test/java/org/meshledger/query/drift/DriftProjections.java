package org.meshledger.query.drift;

import org.meshledger.query.notifications.SloTransitions;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class DriftProjections {

    private DriftProjections() {}

    /** Both handlers of the drift timeline's processing group, sharing one timeline as the processor's do. */
    public static Object[] create(MongoTemplate mongo) {
        DriftTimeline timeline = new DriftTimeline(mongo, new DriftCursors(mongo));
        SloTransitions transitions = new SloTransitions(mongo.getCollection("notification_slo_transitions"));
        return new Object[] {
            new DriftProjection(mongo, timeline, transitions), new ContractDriftProjection(mongo, timeline)
        };
    }
}
