package org.meshledger.query.ownershiphistory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meshledger.query.support.ReadYourWrites;
import org.meshledger.query.support.ViewCache;
import org.meshledger.query.support.ViewCaches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** One product's ownership history read bitemporally, for the JSON API and the console alike. */
@Service
public class OwnershipHistories {

    private final MongoTemplate mongo;
    private final ViewCache<OwnershipRecord> records;
    private final Clock clock;

    OwnershipHistories(MongoTemplate mongo, ViewCaches caches, Clock clock) {
        this.mongo = mongo;
        this.records = caches.of(OwnershipHistoryProjection.NAME, OwnershipRecord::version);
        this.clock = clock;
    }

    /** The periods as known at {@code knownAt} (null: now) and the owner at {@code asOf} (null: now). */
    public Optional<ProductOwnershipHistory> of(String productId, Instant asOf, Instant knownAt) {
        return records.currentOrRead(productId, () -> stored(productId)).map(record -> history(record, asOf, knownAt));
    }

    /** As {@link #of}, once the view has applied {@code minVersion} (202 with the view as it is after the wait). */
    Mono<ResponseEntity<ProductOwnershipHistory>> answer(
            String productId, Instant asOf, Instant knownAt, Long minVersion) {
        return ReadYourWrites.answer(
                records, productId, () -> stored(productId), minVersion, record -> history(record, asOf, knownAt));
    }

    private Optional<OwnershipRecord> stored(String productId) {
        return Optional.ofNullable(mongo.findById(productId, OwnershipRecord.class));
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
