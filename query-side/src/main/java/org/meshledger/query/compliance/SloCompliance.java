package org.meshledger.query.compliance;

import org.meshledger.query.slo.SloStatus;

/** One SLO judged at the query's "now": {@code complianceRate} is null when the window holds no observation. */
public record SloCompliance(
        String indicator,
        double target,
        double threshold,
        String window,
        Double complianceRate,
        SloStatus status,
        double errorBudgetRemaining,
        double burnRate,
        long goodObservations,
        long observations) {}
