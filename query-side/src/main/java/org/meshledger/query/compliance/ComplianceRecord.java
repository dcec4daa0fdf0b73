package org.meshledger.query.compliance;

import java.util.Map;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.query.slo.SloTrack;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What compliance is judged from, per product: its owner, its status and, per indicator, the SLO with hourly counts.
 * {@code version} is the last product event applied, {@code observationVersion} the last observation (-1: none).
 */
@Document("compliance_records")
record ComplianceRecord(
        @Id String productId,
        String domain,
        String ownerTeam,
        ProductStatus status,
        Map<String, SloTrack> slos,
        long version,
        long observationVersion) {

    ComplianceRecord withSlos(Map<String, SloTrack> changed) {
        return new ComplianceRecord(productId, domain, ownerTeam, status, changed, version, observationVersion);
    }

    ComplianceRecord withOwner(String owner) {
        return new ComplianceRecord(productId, domain, owner, status, slos, version, observationVersion);
    }

    ComplianceRecord withStatus(ProductStatus changed) {
        return new ComplianceRecord(productId, domain, ownerTeam, changed, slos, version, observationVersion);
    }

    ComplianceRecord atVersion(long sequence) {
        return new ComplianceRecord(productId, domain, ownerTeam, status, slos, sequence, observationVersion);
    }

    ComplianceRecord atObservation(long sequence) {
        return new ComplianceRecord(productId, domain, ownerTeam, status, slos, version, sequence);
    }
}
