package org.meshledger.query.catalog;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The catalog, filtered and paged; one product is read by {@link ProductSummaryRoute}. */
@RestController
class CatalogController {

    private final ProductSummaries summaries;

    CatalogController(ProductSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/products")
    Mono<Page<ProductSummary>> list(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain,
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String owner,
            @RequestParam(required = false) Classification classification,
            @RequestParam(required = false) ProductStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        CatalogFilter filter = new CatalogFilter(q, domain, owner, classification, status);
        return Blocking.call(() -> summaries.page(filter, paging));
    }
}
