package org.meshledger.query.ownershiphistory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.meshledger.query.support.KeptMesh;
import org.meshledger.query.support.ProductDocuments;
import org.meshledger.query.support.ViewCaches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Every product's ownership record, kept for the reads across the mesh: owners on a date and ownership exceptions. */
@Component
class KeptOwnershipRecords {

    private final KeptMesh<OwnershipRecord, OwnershipRecord> kept;
    private final Clock clock;

    KeptOwnershipRecords(MongoTemplate mongo, ViewCaches caches, Clock clock) {
        this.kept = caches.ofMesh(
                OwnershipHistoryProjection.NAME,
                new ProductDocuments<>(
                        mongo, OwnershipRecord.class, OwnershipRecord::productId, OwnershipRecord::version));
        this.clock = clock;
    }

    /** Every record by product id; empty when they are not kept, and the store must be read. */
    Optional<List<OwnershipRecord>> all() {
        return kept.documents(clock.instant());
    }
}
