package org.meshledger.query.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductDeprecated;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.DataProductRetired;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.event.SloRemoved;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.api.model.Slo;
import org.meshledger.query.catalog.ProductSummary.ConsumerSummary;
import org.meshledger.query.catalog.ProductSummary.SloSummary;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ProductEvents;
import org.meshledger.query.support.ViewUpdates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps one summary per product. Idempotent: an event at or below the summary's version is already in it. */
@Component
@ProcessingGroup(ProductCatalogProjection.NAME)
class ProductCatalogProjection {

    static final String NAME = "product-catalog";
    private static final String DEFAULT_COMPATIBILITY = "FULL";

    private final MongoTemplate mongo;

    ProductCatalogProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DataProductRegistered event, @Timestamp Instant recordedAt) {
        CreateOnce.insert(
                mongo,
                new ProductSummary(
                        event.productId(),
                        event.domain(),
                        event.name(),
                        event.classification(),
                        event.description(),
                        event.ownerTeam(),
                        ProductStatus.ACTIVE,
                        null,
                        DEFAULT_COMPATIBILITY,
                        List.of(),
                        List.of(),
                        recordedAt,
                        recordedAt,
                        0));
    }

    @EventHandler
    void on(OwnershipTransferred event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> copy(summary, event.toTeam(), summary.status(), summary.slos(), summary.consumers()));
    }

    @EventHandler
    void on(SloDefined event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> withSlos(summary, slos(summary, event.indicator(), event.slo())));
    }

    @EventHandler
    void on(SloChanged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> withSlos(summary, slos(summary, event.indicator(), event.current())));
    }

    @EventHandler
    void on(SloRemoved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> withSlos(summary, slos(summary, event.indicator(), null)));
    }

    @EventHandler
    void on(ConsumerRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.productId(), sequence, recordedAt, summary -> {
            List<ConsumerSummary> consumers = new ArrayList<>(summary.consumers());
            consumers.add(new ConsumerSummary(event.consumerTeam(), event.contractMajor()));
            consumers.sort(Comparator.comparing(ConsumerSummary::consumerTeam));
            return copy(summary, summary.ownerTeam(), summary.status(), summary.slos(), consumers);
        });
    }

    @EventHandler
    void on(ConsumerRemoved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> copy(
                        summary,
                        summary.ownerTeam(),
                        summary.status(),
                        summary.slos(),
                        summary.consumers().stream()
                                .filter(consumer -> !consumer.consumerTeam().equals(event.consumerTeam()))
                                .toList()));
    }

    @EventHandler
    void on(ContractVersionPublished event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> new ProductSummary(
                        summary.productId(),
                        summary.domain(),
                        summary.name(),
                        summary.classification(),
                        summary.description(),
                        summary.ownerTeam(),
                        summary.status(),
                        event.contractVersion(),
                        event.compatibility().name(),
                        summary.slos(),
                        summary.consumers(),
                        summary.registeredAt(),
                        summary.updatedAt(),
                        summary.version()));
    }

    @EventHandler
    void on(DataProductDeprecated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary -> copy(
                        summary, summary.ownerTeam(), ProductStatus.DEPRECATED, summary.slos(), summary.consumers()));
    }

    @EventHandler
    void on(DataProductRetired event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(
                event.productId(),
                sequence,
                recordedAt,
                summary ->
                        copy(summary, summary.ownerTeam(), ProductStatus.RETIRED, summary.slos(), summary.consumers()));
    }

    /** Events that do not change this view still move its version. */
    @EventHandler
    void on(Object unchanged, EventMessage<?> message) {
        ProductEvents.advanceVersion(mongo, ProductSummary.class, message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ProductSummary.class);
    }

    private void update(String productId, long sequence, Instant recordedAt, UnaryOperator<ProductSummary> change) {
        ViewUpdates.apply(
                mongo,
                ProductSummary.class,
                productId,
                summary -> summary.version() >= sequence,
                summary -> stamped(change.apply(summary), recordedAt, sequence),
                summary -> ViewUpdates.unchanged(productId, summary.version()));
    }

    private static ProductSummary stamped(ProductSummary changed, Instant recordedAt, long sequence) {
        return new ProductSummary(
                changed.productId(),
                changed.domain(),
                changed.name(),
                changed.classification(),
                changed.description(),
                changed.ownerTeam(),
                changed.status(),
                changed.currentContractVersion(),
                changed.compatibility(),
                changed.slos(),
                changed.consumers(),
                changed.registeredAt(),
                recordedAt,
                sequence);
    }

    private static List<SloSummary> slos(ProductSummary summary, Indicator indicator, Slo slo) {
        List<SloSummary> slos = new ArrayList<>(summary.slos().stream()
                .filter(existing -> !existing.indicator().equals(indicator.wireName()))
                .toList());
        if (slo != null) {
            slos.add(new SloSummary(
                    indicator.wireName(), slo.threshold(), slo.target(), Slo.formatWindow(slo.window())));
            slos.sort(Comparator.comparing(SloSummary::indicator));
        }
        return slos;
    }

    private static ProductSummary withSlos(ProductSummary summary, List<SloSummary> slos) {
        return copy(summary, summary.ownerTeam(), summary.status(), slos, summary.consumers());
    }

    private static ProductSummary copy(
            ProductSummary summary,
            String ownerTeam,
            ProductStatus status,
            List<SloSummary> slos,
            List<ConsumerSummary> consumers) {
        return new ProductSummary(
                summary.productId(),
                summary.domain(),
                summary.name(),
                summary.classification(),
                summary.description(),
                ownerTeam,
                status,
                summary.currentContractVersion(),
                summary.compatibility(),
                slos,
                consumers,
                summary.registeredAt(),
                summary.updatedAt(),
                summary.version());
    }
}
