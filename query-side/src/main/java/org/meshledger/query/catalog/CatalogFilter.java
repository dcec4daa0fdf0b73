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
        if (text != null && !text.isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
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
}
