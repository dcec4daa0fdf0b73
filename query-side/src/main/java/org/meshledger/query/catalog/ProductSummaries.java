package org.meshledger.query.catalog;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The catalog's summary of one product, for readers other than its JSON route (the console). */
@Service
public class ProductSummaries {

    private final MongoTemplate mongo;

    ProductSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ProductSummary> of(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ProductSummary.class));
    }
}
