package org.meshledger.query.compliance;

import java.util.List;

/** A product is compliant when it has an owner and at least one SLO, and every SLO is meeting its target. */
public record ProductCompliance(
        String productId,
        String domain,
        String ownerTeam,
        boolean compliant,
        List<String> reasons,
        List<SloCompliance> slos,
        long version) {}
