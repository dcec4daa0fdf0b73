package org.meshledger.query.contracts;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class ContractProjections {

    private ContractProjections() {}

    public static Object create(MongoTemplate mongo) {
        return new ContractVersionsProjection(mongo);
    }
}
