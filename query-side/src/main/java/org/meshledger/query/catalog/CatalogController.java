package org.meshledger.query.catalog;

import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The catalog, filtered and paged; one product is read by {@link ProductSummaryRoute}. */
@RestController
class CatalogController {

    private final MongoTemplate mongo;

    CatalogController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/products")
    Mono<Page<ProductSummary>> list(
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain,
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String owner,
            @RequestParam(required = false) Classification classification,
            @RequestParam(required = false) ProductStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Criteria criteria = new Criteria();
        Optional.ofNullable(domain).ifPresent(value -> criteria.and("domain").is(value));
        Optional.ofNullable(owner).ifPresent(value -> criteria.and("ownerTeam").is(value));
        Optional.ofNullable(classification)
                .ifPresent(value -> criteria.and("classification").is(value));
        Optional.ofNullable(status).ifPresent(value -> criteria.and("status").is(value));
        return Blocking.call(() -> {
            long total = mongo.count(new Query(criteria), ProductSummary.class);
            Query query = new Query(criteria)
                    .with(Sort.by("_id"))
                    .skip(paging.offset())
                    .limit(paging.size());
            return new Page<>(mongo.find(query, ProductSummary.class), paging.page(), paging.size(), total);
        });
    }
}
