package org.meshledger.query.ownershiphistory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.meshledger.query.support.KeptMesh;
import org.meshledger.query.support.ProductEventsSeen;
import org.meshledger.query.support.ViewCaches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every product's ownership record, kept for the reads across the mesh: owners on a date and ownership exceptions. */
@Component
class KeptOwnershipRecords {

    private final KeptMesh<OwnershipRecord, OwnershipRecord> kept;
    private final Clock clock;

    KeptOwnershipRecords(MongoTemplate mongo, ViewCaches caches, Clock clock) {
        this.kept = caches.ofMesh(OwnershipHistoryProjection.NAME, new Records(mongo));
        this.clock = clock;
    }

    /** Every record by product id; empty when they are not kept, and the store must be read. */
    Optional<List<OwnershipRecord>> all() {
        return kept.documents(clock.instant());
    }

    private record Records(MongoTemplate mongo) implements KeptMesh.AsRead<OwnershipRecord> {

        @Override
        public List<OwnershipRecord> all() {
            return mongo.findAll(OwnershipRecord.class);
        }

        @Override
        public List<OwnershipRecord> byIds(Collection<String> productIds) {
            return mongo.find(new Query(Criteria.where("_id").in(productIds)), OwnershipRecord.class);
        }

        @Override
        public String idOf(OwnershipRecord record) {
            return record.productId();
        }

        @Override
        public boolean holdsSeen(OwnershipRecord record, ProductEventsSeen seen) {
            return record.version() >= seen.lastProductEvent(record.productId());
        }
    }
}
