package org.meshledger.query.subscriptions;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.meshledger.api.event.SubscriptionCreated;
import org.meshledger.api.event.SubscriptionDeleted;
import org.meshledger.api.event.SubscriptionPaused;
import org.meshledger.api.event.SubscriptionResumed;
import org.meshledger.api.event.SubscriptionSecretRotated;
import org.meshledger.platform.web.RequestMetadata;
import org.meshledger.query.subscriptions.SubscriptionRecord.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Subscriptions as they stand, read with the teams they belong to (the ownership view's processor: facts about
 * teams, a handful of events each). A team's subscriptions are one stream, so their events arrive in order; one at or
 * below a record's version was already applied.
 */
@Component
@ProcessingGroup(SubscriptionsProjection.TEAMS_PROCESSOR)
class SubscriptionsProjection {

    /** The ownership view's processor, which also keeps the registered teams. */
    static final String TEAMS_PROCESSOR = "ownership-history";

    private final MongoTemplate mongo;

    SubscriptionsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(
            SubscriptionCreated event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(RequestMetadata.ACTOR) String actor) {
        if (mongo.findById(event.subscriptionId(), SubscriptionRecord.class) == null) {
            mongo.insert(new SubscriptionRecord(
                    event.subscriptionId(),
                    event.subscriberTeam(),
                    event.url(),
                    event.kinds(),
                    event.scope(),
                    Status.ACTIVE,
                    event.keyId(),
                    null,
                    null,
                    at,
                    actor,
                    at,
                    sequence,
                    null));
        }
    }

    @EventHandler
    void on(SubscriptionPaused event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.subscriptionId(), sequence, record -> record.paused(true, at, sequence));
    }

    @EventHandler
    void on(SubscriptionResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.subscriptionId(), sequence, record -> record.paused(false, at, sequence));
    }

    @EventHandler
    void on(SubscriptionSecretRotated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(
                event.subscriptionId(),
                sequence,
                record -> record.rotated(event.keyId(), event.previousValidUntil(), at, sequence));
    }

    @EventHandler
    void on(SubscriptionDeleted event) {
        mongo.remove(Query.query(Criteria.where("_id").is(event.subscriptionId())), SubscriptionRecord.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SubscriptionRecord.class);
    }

    private void change(String subscriptionId, long sequence, UnaryOperator<SubscriptionRecord> next) {
        SubscriptionRecord current = mongo.findById(subscriptionId, SubscriptionRecord.class);
        if (current != null && current.version() < sequence) {
            mongo.save(next.apply(current));
        }
    }
}
