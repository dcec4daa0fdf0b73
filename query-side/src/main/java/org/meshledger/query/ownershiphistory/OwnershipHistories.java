package org.meshledger.query.ownershiphistory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** One product's ownership history read bitemporally, for the JSON API and the console alike. */
@Service
public class OwnershipHistories {

    private final MongoTemplate mongo;
    private final Clock clock;

    OwnershipHistories(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The periods as known at {@code knownAt} (null: now) and the owner at {@code asOf} (null: now). */
    public Optional<ProductOwnershipHistory> of(String productId, Instant asOf, Instant knownAt) {
        return Optional.ofNullable(mongo.findById(productId, OwnershipRecord.class))
                .map(record -> history(record, asOf, knownAt));
    }

    ProductOwnershipHistory history(OwnershipRecord record, Instant asOf, Instant knownAt) {
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(record, knownAt);
        Instant ownerInstant = asOf == null ? clock.instant() : asOf;
        return new ProductOwnershipHistory(
                record.productId(),
                periods,
                OwnershipTimeline.ownerAsOf(periods, ownerInstant).orElse(null),
                asOf,
                knownAt,
                record.version());
    }

    public record ProductOwnershipHistory(
            String productId,
            List<OwnershipPeriod> periods,
            String ownerAsOf,
            Instant asOf,
            Instant knownAt,
            long version) {}
}
