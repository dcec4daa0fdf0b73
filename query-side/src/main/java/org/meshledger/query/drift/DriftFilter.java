package org.meshledger.query.drift;

import java.time.Instant;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.data.mongodb.core.query.Criteria;

/** Which entries a reader wants; every part is optional. */
public record DriftFilter(
        String productId, String domain, DriftKind kind, Severity severity, Instant since, Instant until, Instant now) {

    public static DriftFilter ofProduct(String productId, Instant now) {
        return new DriftFilter(productId, null, null, null, null, null, now);
    }

    public static DriftFilter ofMesh(Instant now) {
        return new DriftFilter(null, null, null, null, null, null, now);
    }

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
            criteria.andOperator(severityAt(severity, now));
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

    /** Severity as it stands now: a warning whose deadline has passed counts as critical. */
    private static Criteria severityAt(Severity severity, Instant now) {
        Criteria passed = Criteria.where("escalatesAt").lte(now);
        return switch (severity) {
            case CRITICAL -> new Criteria()
                    .orOperator(Criteria.where("severity").is(Severity.CRITICAL), passed);
            case WARNING -> new Criteria()
                    .andOperator(
                            Criteria.where("severity").is(Severity.WARNING),
                            new Criteria()
                                    .orOperator(
                                            Criteria.where("escalatesAt").is(null),
                                            Criteria.where("escalatesAt").gt(now)));
            case INFO -> Criteria.where("severity").is(Severity.INFO);
        };
    }

    boolean accepts(DriftEntry entry) {
        return (productId == null || productId.equals(entry.productId()))
                && (domain == null || domain.equals(entry.domain()))
                && (kind == null || kind == entry.kind())
                && (severity == null || severity == entry.asOf(now).severity())
                && (since == null || !entry.at().isBefore(since))
                && (until == null || entry.at().isBefore(until));
    }
}
