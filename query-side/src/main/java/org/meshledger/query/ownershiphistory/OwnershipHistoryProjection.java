package org.meshledger.query.ownershiphistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.platform.web.RequestMetadata;
import org.meshledger.query.ownershiphistory.OwnershipRecord.OwnerChange;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ProductEvents;
import org.meshledger.query.support.ViewUpdates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Records each owner change once: a change at or below the record's version was already applied. */
@Component
@ProcessingGroup(OwnershipHistoryProjection.NAME)
class OwnershipHistoryProjection {

    static final String NAME = "ownership-history";
    static final String REGISTERED = "registered";

    private final MongoTemplate mongo;

    OwnershipHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(
            DataProductRegistered event,
            @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId,
            @MetaDataValue(RequestMetadata.ACTOR) String actor) {
        TeamProducts.remember(mongo, event.ownerTeam(), event.productId());
        OwnerChange first = new OwnerChange(
                event.ownerTeam(), event.effectiveAt(), REGISTERED, null, actor, recordedAt, eventId, 0);
        CreateOnce.insert(mongo, new OwnershipRecord(event.productId(), event.domain(), List.of(first), 0));
    }

    @EventHandler
    void on(
            OwnershipTransferred event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId,
            @MetaDataValue(RequestMetadata.ACTOR) String actor) {
        TeamProducts.remember(mongo, event.toTeam(), event.productId());
        OwnerChange change = new OwnerChange(
                event.toTeam(),
                event.effectiveAt(),
                event.reason(),
                event.approvedBy(),
                actor,
                recordedAt,
                eventId,
                sequence);
        ViewUpdates.apply(
                mongo,
                OwnershipRecord.class,
                event.productId(),
                record -> record.version() >= sequence,
                record -> {
                    List<OwnerChange> changes = new ArrayList<>(record.changes());
                    changes.add(change);
                    return new OwnershipRecord(record.productId(), record.domain(), changes, sequence);
                },
                record -> ViewUpdates.unchanged(record.productId(), record.version()));
    }

    /** Events that do not change this view still move its version. */
    @EventHandler
    void on(Object unchanged, EventMessage<?> message) {
        ProductEvents.advanceVersion(mongo, OwnershipRecord.class, message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OwnershipRecord.class);
        mongo.dropCollection(TeamProducts.class);
    }
}
