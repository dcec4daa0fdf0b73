package org.meshledger.query.drift;

import java.time.Instant;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.data.mongodb.core.query.Criteria;

/** Which entries a reader wants; every part is optional. */
record DriftFilter(String productId, String domain, DriftKind kind, Severity severity, Instant since, Instant until) {

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (productId != null) {
            criteria.and("productId").is(productId);
        }
        if (domain != null) {
            criteria.and("domain").is(domain);
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (severity != null) {
            criteria.and("severity").is(severity);
        }
        if (since != null || until != null) {
            Criteria at = criteria.and("at");
            if (since != null) {
                at.gte(since);
            }
            if (until != null) {
                at.lt(until);
            }
        }
        return criteria;
    }

    boolean accepts(DriftEntry entry) {
        return (productId == null || productId.equals(entry.productId()))
                && (domain == null || domain.equals(entry.domain()))
                && (kind == null || kind == entry.kind())
                && (severity == null || severity == entry.severity())
                && (since == null || !entry.at().isBefore(since))
                && (until == null || entry.at().isBefore(until));
    }
}
