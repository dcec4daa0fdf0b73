package org.meshledger.query.compliance;

import java.util.List;

/**
 * A product is compliant when it has an owner and at least one SLO, and every SLO is meeting its target.
 * {@code consumersPastSunset} names the consumer teams still on a major whose sunset has passed.
 */
public record ProductCompliance(
        String productId,
        String domain,
        String ownerTeam,
        boolean compliant,
        List<String> reasons,
        List<SloCompliance> slos,
        List<String> consumersPastSunset,
        long version) {}
