package org.meshledger.query.ownershiphistory;

import java.time.Instant;
import java.util.List;
import org.meshledger.query.support.ViewIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every change of owner of one product, in the order recorded. Periods are derived from it at query time, so the same
 * record answers "as we know now" and "as we knew then".
 */
@Document("ownership_records")
@CompoundIndex(name = "conditional_update", def = ViewIndexes.VERSIONED, unique = true)
record OwnershipRecord(@Id String productId, @Indexed String domain, List<OwnerChange> changes, long version) {

    /** {@code from} null: owned since before records began. */
    record OwnerChange(
            String ownerTeam,
            Instant from,
            String reason,
            String approvedBy,
            String actor,
            Instant recordedAt,
            String eventId,
            long sequence) {}
}
