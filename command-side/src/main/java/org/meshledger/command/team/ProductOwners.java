package org.meshledger.command.team;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.DataProductRetired;
import org.meshledger.api.event.OwnershipTransferred;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Which products each team owns, for the rare commands that need it (a team's move or retirement). It is brought up to
 * date from the event log when asked, from where it last stopped, so it holds every ownership change acknowledged
 * before the question — on any replica — without a processor running all the time.
 */
public class ProductOwners {

    /** How long the log may stay quiet before what was read counts as everything acknowledged so far. */
    private static final int QUIET_MILLIS = 300;

    private final MongoTemplate mongo;
    private final EventStore eventStore;
    private final ReadPosition position;

    public ProductOwners(MongoTemplate mongo, EventStore eventStore, ReadPosition position) {
        this.mongo = mongo;
        this.eventStore = eventStore;
        this.position = position;
    }

    /** The products the team owns now, retired ones left out, in id order. */
    public synchronized List<String> ownedBy(String team) {
        catchUp();
        Query owned =
                new Query(Criteria.where("ownerTeam").is(team).and("retired").is(false));
        return mongo.find(owned, ProductOwner.class).stream()
                .map(ProductOwner::productId)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private void catchUp() {
        TrackingToken token = position.load();
        try (BlockingStream<TrackedEventMessage<?>> log = eventStore.openStream(token)) {
            while (log.hasNextAvailable(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = log.nextAvailable();
                if (event instanceof DomainEventMessage<?> onStream) {
                    apply(onStream);
                }
                token = event.trackingToken();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event log", interrupted);
        }
        position.save(token);
    }

    private void apply(DomainEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        long sequence = event.getSequenceNumber();
        if (type == DataProductRegistered.class) {
            DataProductRegistered registered = (DataProductRegistered) event.getPayload();
            record(new ProductOwner(registered.productId(), registered.ownerTeam(), false, sequence));
        } else if (type == OwnershipTransferred.class) {
            OwnershipTransferred transferred = (OwnershipTransferred) event.getPayload();
            record(new ProductOwner(transferred.productId(), transferred.toTeam(), false, sequence));
        } else if (type == DataProductRetired.class) {
            ProductOwner current = mongo.findById(event.getAggregateIdentifier(), ProductOwner.class);
            if (current != null) {
                record(new ProductOwner(current.productId(), current.ownerTeam(), true, sequence));
            }
        }
    }

    /** Never moves a product back: a replica reading the log behind another one leaves the newer owner. */
    private void record(ProductOwner owner) {
        ProductOwner current = mongo.findById(owner.productId(), ProductOwner.class);
        if (current == null || current.version() < owner.version()) {
            mongo.save(owner);
        }
    }
}
