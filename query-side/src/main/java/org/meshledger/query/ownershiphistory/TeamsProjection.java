package org.meshledger.query.ownershiphistory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.meshledger.api.event.TeamMovedToDomain;
import org.meshledger.api.event.TeamRegistered;
import org.meshledger.api.event.TeamRetired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Registered teams and their domains, part of the ownership view: a product whose owner's team sits in another
 * domain, or no longer exists, is judged against this when it is read. A team's events arrive in order (one
 * sequence per team), so an event at or below the stored version was already applied.
 */
@Component
@ProcessingGroup(OwnershipHistoryProjection.NAME)
class TeamsProjection {

    private final MongoTemplate mongo;

    TeamsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(TeamRegistered event, @SequenceNumber long sequence) {
        apply(new TeamRecord(event.team(), event.domain(), false, sequence));
    }

    @EventHandler
    void on(TeamMovedToDomain event, @SequenceNumber long sequence) {
        apply(new TeamRecord(event.team(), event.toDomain(), false, sequence));
    }

    @EventHandler
    void on(TeamRetired event, @SequenceNumber long sequence) {
        apply(new TeamRecord(event.team(), event.domain(), true, sequence));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(TeamRecord.class);
    }

    private void apply(TeamRecord next) {
        TeamRecord current = mongo.findById(next.team(), TeamRecord.class);
        if (current == null || current.version() < next.version()) {
            mongo.save(next);
        }
    }
}
