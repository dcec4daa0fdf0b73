package org.meshledger.query.drift;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code CROSS_DOMAIN_OWNERSHIP}: one entry per product and cause, keyed so one team move can flag many products. */
final class CrossDomainEntries {

    private final DriftTimeline timeline;

    CrossDomainEntries(DriftTimeline timeline) {
        this.timeline = timeline;
    }

    void record(String eventId, String productId, String ownerTeam, String ownerDomain, Instant at, String cause) {
        String domain = productId.substring(0, productId.indexOf('.'));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ownerTeam", ownerTeam);
        details.put("ownerTeamDomain", ownerDomain);
        details.put("productDomain", domain);
        details.put("cause", cause);
        timeline.record(
                eventId + ":" + DriftKind.CROSS_DOMAIN_OWNERSHIP + ":" + productId,
                eventId,
                DriftKind.CROSS_DOMAIN_OWNERSHIP,
                productId,
                domain,
                at,
                "Owned by %s of domain %s, outside the product's domain %s (%s)"
                        .formatted(ownerTeam, ownerDomain, domain, cause),
                details,
                null);
    }
}
