package org.meshledger.query.catalog;

import java.util.Optional;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The catalog's summaries: one product, or a filtered page of them by product id; the JSON routes and the console. */
@Service
public class ProductSummaries {

    private final MongoTemplate mongo;

    ProductSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ProductSummary> of(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ProductSummary.class));
    }

    public Page<ProductSummary> page(CatalogFilter filter, PageRequest paging) {
        long total = mongo.count(new Query(filter.criteria()), ProductSummary.class);
        Query query = new Query(filter.criteria())
                .with(Sort.by("_id"))
                .skip(paging.offset())
                .limit(paging.size());
        return new Page<>(mongo.find(query, ProductSummary.class), paging.page(), paging.size(), total);
    }
}
