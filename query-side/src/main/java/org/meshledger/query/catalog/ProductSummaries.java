package org.meshledger.query.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.meshledger.query.support.KeptMesh;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.meshledger.query.support.ProductDocuments;
import org.meshledger.query.support.ReadYourWrites;
import org.meshledger.query.support.ViewCache;
import org.meshledger.query.support.ViewCaches;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The catalog's summaries: one product, or a filtered page of them by product id; the JSON routes and the console. */
@Service
public class ProductSummaries {

    private final MongoTemplate mongo;
    private final KeptMesh<ProductSummary, ProductSummary> kept;
    private final ViewCache<ProductSummary> summaries;
    private final Clock clock;

    ProductSummaries(MongoTemplate mongo, ViewCaches caches, Clock clock) {
        this.mongo = mongo;
        this.summaries = caches.of(ProductCatalogProjection.NAME, ProductSummary::version);
        this.kept = caches.ofMesh(
                ProductCatalogProjection.NAME,
                new ProductDocuments<>(
                        mongo, ProductSummary.class, ProductSummary::productId, ProductSummary::version));
        this.clock = clock;
    }

    public Optional<ProductSummary> of(String productId) {
        return summaries.currentOrRead(productId, () -> stored(productId));
    }

    /** As {@link #of}, once the view has applied {@code minVersion} (202 with the view as it is after the wait). */
    Mono<ResponseEntity<ProductSummary>> answer(String productId, Long minVersion) {
        return ReadYourWrites.answer(summaries, productId, () -> stored(productId), minVersion, summary -> summary);
    }

    private Optional<ProductSummary> stored(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ProductSummary.class));
    }

    /** A page by product id: filtered in memory while the catalog is kept ({@link KeptMesh}), else by the store. */
    public Page<ProductSummary> page(CatalogFilter filter, PageRequest paging) {
        return kept.documents(clock.instant())
                .map(all -> {
                    List<ProductSummary> found =
                            all.stream().filter(filter::accepts).toList();
                    List<ProductSummary> items = found.stream()
                            .skip(paging.offset())
                            .limit(paging.size())
                            .toList();
                    return new Page<>(items, paging.page(), paging.size(), found.size());
                })
                .orElseGet(() -> pageFromStore(filter, paging));
    }

    private Page<ProductSummary> pageFromStore(CatalogFilter filter, PageRequest paging) {
        long total = mongo.count(new Query(filter.criteria()), ProductSummary.class);
        Query query = new Query(filter.criteria())
                .with(Sort.by("_id"))
                .skip(paging.offset())
                .limit(paging.size());
        return new Page<>(mongo.find(query, ProductSummary.class), paging.page(), paging.size(), total);
    }
}
