package org.meshledger.query.ownershiphistory;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class OwnershipProjections {

    private OwnershipProjections() {}

    public static Object create(MongoTemplate mongo) {
        return new OwnershipHistoryProjection(mongo);
    }
}
