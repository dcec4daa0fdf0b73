package org.meshledger.query.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.ContractVersionDeprecated;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductDeprecated;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.DataProductRetired;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.event.SloRemoved;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.query.slo.SloTrack;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ProductEvents;
import org.meshledger.query.support.ViewUpdates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's SLOs with hourly counts of good and total observations. Idempotent on both of a product's
 * streams: an event at or below the version already applied from its stream changes nothing.
 */
@Component
@ProcessingGroup(ComplianceProjection.NAME)
class ComplianceProjection {

    static final String NAME = "compliance";

    private final MongoTemplate mongo;

    ComplianceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DataProductRegistered event) {
        CreateOnce.insert(mongo, ComplianceRecord.registered(event.productId(), event.domain(), event.ownerTeam()));
    }

    @EventHandler
    void on(OwnershipTransferred event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> record.withOwner(event.toTeam()));
    }

    @EventHandler
    void on(SloDefined event, @SequenceNumber long sequence) {
        update(
                event.productId(),
                sequence,
                record -> record.withSlos(
                        SloTrack.replacing(record.slos(), event.indicator().wireName(), SloTrack.of(event.slo()))));
    }

    @EventHandler
    void on(SloChanged event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> {
            String indicator = event.indicator().wireName();
            SloTrack current = record.slos().get(indicator);
            SloTrack changed = current == null ? SloTrack.of(event.current()) : current.redefinedAs(event.current());
            return record.withSlos(SloTrack.replacing(record.slos(), indicator, changed));
        });
    }

    @EventHandler
    void on(SloRemoved event, @SequenceNumber long sequence) {
        update(
                event.productId(),
                sequence,
                record -> record.withSlos(
                        SloTrack.replacing(record.slos(), event.indicator().wireName(), null)));
    }

    @EventHandler
    void on(ContractVersionPublished event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> {
            Map<String, Instant> sunsets = new TreeMap<>(record.sunsets());
            if (event.deprecatedMajor() != null) {
                sunsets.putIfAbsent(String.valueOf(event.deprecatedMajor()), event.sunsetAt());
            }
            return record.withContracts(event.contractVersion(), record.consumers(), sunsets);
        });
    }

    @EventHandler
    void on(ContractVersionDeprecated event, @SequenceNumber long sequence) {
        String major = event.contractVersion().split("\\.")[0];
        update(event.productId(), sequence, record -> {
            Map<String, Instant> sunsets = new TreeMap<>(record.sunsets());
            sunsets.merge(major, event.sunsetAt(), (earlier, later) -> earlier.isBefore(later) ? earlier : later);
            return record.withContracts(record.currentContractVersion(), record.consumers(), sunsets);
        });
    }

    @EventHandler
    void on(ConsumerRegistered event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> {
            Map<String, Integer> consumers = new TreeMap<>(record.consumers());
            consumers.put(event.consumerTeam(), event.contractMajor());
            return record.withContracts(record.currentContractVersion(), consumers, record.sunsets());
        });
    }

    @EventHandler
    void on(ConsumerRemoved event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> {
            Map<String, Integer> consumers = new TreeMap<>(record.consumers());
            consumers.remove(event.consumerTeam());
            return record.withContracts(record.currentContractVersion(), consumers, record.sunsets());
        });
    }

    @EventHandler
    void on(DataProductDeprecated event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> record.withStatus(ProductStatus.DEPRECATED));
    }

    @EventHandler
    void on(DataProductRetired event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, record -> record.withStatus(ProductStatus.RETIRED));
    }

    @EventHandler
    void on(SliObserved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String indicator = event.indicator().wireName();
        ViewUpdates.apply(
                mongo,
                ComplianceRecord.class,
                event.productId(),
                record -> record.observationVersion() >= sequence,
                record -> {
                    SloTrack track = record.slos().get(indicator);
                    Map<String, SloTrack> slos = track == null
                            ? record.slos()
                            : SloTrack.replacing(
                                    record.slos(),
                                    indicator,
                                    track.observed(event.observedAt(), event.good(), recordedAt));
                    return record.withSlos(slos).atObservation(sequence);
                },
                ComplianceProjection::unchangedSinceRead);
    }

    /** Events that do not change this view still move its version. */
    @EventHandler
    void on(Object unchanged, EventMessage<?> message) {
        ProductEvents.advanceVersion(mongo, ComplianceRecord.class, message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ComplianceRecord.class);
    }

    private void update(String productId, long sequence, UnaryOperator<ComplianceRecord> change) {
        ViewUpdates.apply(
                mongo,
                ComplianceRecord.class,
                productId,
                record -> record.version() >= sequence,
                record -> change.apply(record).atVersion(sequence),
                ComplianceProjection::unchangedSinceRead);
    }

    private static Query unchangedSinceRead(ComplianceRecord record) {
        return ViewUpdates.unchanged(record.productId(), record.version(), record.observationVersion());
    }
}
