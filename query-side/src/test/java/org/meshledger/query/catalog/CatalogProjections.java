package org.meshledger.query.catalog;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Opens the package-private projection to tests in other packages. */
public final class CatalogProjections {

    private CatalogProjections() {}

    public static Object create(MongoTemplate mongo) {
        return new ProductCatalogProjection(mongo);
    }
}
