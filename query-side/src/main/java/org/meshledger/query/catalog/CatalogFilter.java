package org.meshledger.query.catalog;

import java.util.regex.Pattern;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.ProductStatus;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which products a catalog reader wants; every part is optional. {@code text} is found anywhere in the id or the
 * name, ignoring case, and is taken literally (a dot is a dot).
 */
public record CatalogFilter(
        String text, String domain, String owner, Classification classification, ProductStatus status) {

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (hasText()) {
            Pattern literal = literalText();
            criteria.orOperator(
                    Criteria.where("_id").regex(literal), Criteria.where("name").regex(literal));
        }
        if (domain != null) {
            criteria.and("domain").is(domain);
        }
        if (owner != null) {
            criteria.and("ownerTeam").is(owner);
        }
        if (classification != null) {
            criteria.and("classification").is(classification);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        return criteria;
    }

    /** Whether {@code product} is one {@link #criteria} finds. */
    boolean accepts(ProductSummary product) {
        if (hasText()) {
            Pattern literal = literalText();
            boolean found = literal.matcher(product.productId()).find()
                    || (product.name() != null
                            && literal.matcher(product.name()).find());
            if (!found) {
                return false;
            }
        }
        return (domain == null || domain.equals(product.domain()))
                && (owner == null || owner.equals(product.ownerTeam()))
                && (classification == null || classification == product.classification())
                && (status == null || status == product.status());
    }

    private boolean hasText() {
        return text != null && !text.isBlank();
    }

    private Pattern literalText() {
        return Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
    }
}
