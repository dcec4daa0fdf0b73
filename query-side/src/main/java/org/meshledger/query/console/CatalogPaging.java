package org.meshledger.query.console;

import java.util.Locale;
import org.meshledger.query.catalog.CatalogFilter;
import org.meshledger.query.catalog.ProductSummary;
import org.meshledger.query.support.Page;
import org.springframework.web.util.UriComponentsBuilder;

/** A catalog page's place among its pages, with links to its neighbours that keep every filter. */
public record CatalogPaging(int page, int pages, long total, String previous, String next) {

    static CatalogPaging of(CatalogFilter filter, Page<ProductSummary> products) {
        int pages = (int) Math.max(1, (products.total() + products.size() - 1) / products.size());
        String previous = products.page() > 0 ? link(filter, products.page() - 1) : null;
        String next = products.page() + 1 < pages ? link(filter, products.page() + 1) : null;
        return new CatalogPaging(products.page(), pages, products.total(), previous, next);
    }

    /** The catalog's URL for {@code filter} on {@code page}: what a person bookmarks or shares. */
    static String link(CatalogFilter filter, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/ui/products");
        if (filter.text() != null) {
            uri.queryParam("q", filter.text());
        }
        if (filter.domain() != null) {
            uri.queryParam("domain", filter.domain());
        }
        if (filter.owner() != null) {
            uri.queryParam("owner", filter.owner());
        }
        if (filter.classification() != null) {
            uri.queryParam("classification", filter.classification().name().toLowerCase(Locale.ROOT));
        }
        if (filter.status() != null) {
            uri.queryParam("status", filter.status().name().toLowerCase(Locale.ROOT));
        }
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
