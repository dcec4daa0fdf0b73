package org.meshledger.query.catalog;

import java.time.Instant;
import java.util.List;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.query.support.ViewIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The catalog's view of one product, as {@code GET /api/products/{id}} answers it. {@code version} is the sequence
 * of the last event applied: a redelivered event at or below it changes nothing.
 */
@Document("product_summaries")
@CompoundIndex(name = "conditional_update", def = ViewIndexes.VERSIONED, unique = true)
public record ProductSummary(
        @Id String productId,
        String domain,
        String name,
        Classification classification,
        String description,
        String ownerTeam,
        ProductStatus status,
        String currentContractVersion,
        String compatibility,
        List<SloSummary> slos,
        List<ConsumerSummary> consumers,
        Instant registeredAt,
        Instant updatedAt,
        long version) {

    public record SloSummary(String indicator, double threshold, double target, String window) {}

    public record ConsumerSummary(String consumerTeam, int contractMajor) {}
}
