package org.meshledger.query.compliance;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class ComplianceProjections {

    private ComplianceProjections() {}

    public static Object create(MongoTemplate mongo) {
        return new ComplianceProjection(mongo);
    }
}
