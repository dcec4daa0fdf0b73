package org.meshledger.query.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.query.slo.SloTrack;
import org.meshledger.query.support.ViewIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What compliance is judged from, per product: its owner, status, current contract, who consumes which major and
 * when deprecated majors sunset, and, per indicator, the SLO with hourly counts. {@code version} is the last product
 * event applied, {@code observationVersion} the last observation (-1: none).
 */
@Document("compliance_records")
@CompoundIndex(name = "conditional_update", def = ViewIndexes.VERSIONED_WITH_OBSERVATIONS, unique = true)
record ComplianceRecord(
        @Id String productId,
        String domain,
        String ownerTeam,
        ProductStatus status,
        String currentContractVersion,
        Map<String, Integer> consumers,
        Map<String, Instant> sunsets,
        Map<String, SloTrack> slos,
        long version,
        long observationVersion) {

    static ComplianceRecord registered(String productId, String domain, String ownerTeam) {
        return new ComplianceRecord(
                productId, domain, ownerTeam, ProductStatus.ACTIVE, null, Map.of(), Map.of(), Map.of(), 0, -1);
    }

    ComplianceRecord withSlos(Map<String, SloTrack> changed) {
        return new ComplianceRecord(
                productId,
                domain,
                ownerTeam,
                status,
                currentContractVersion,
                consumers,
                sunsets,
                changed,
                version,
                observationVersion);
    }

    ComplianceRecord withOwner(String owner) {
        return new ComplianceRecord(
                productId,
                domain,
                owner,
                status,
                currentContractVersion,
                consumers,
                sunsets,
                slos,
                version,
                observationVersion);
    }

    ComplianceRecord withStatus(ProductStatus changed) {
        return new ComplianceRecord(
                productId,
                domain,
                ownerTeam,
                changed,
                currentContractVersion,
                consumers,
                sunsets,
                slos,
                version,
                observationVersion);
    }

    ComplianceRecord withContracts(
            String contractVersion, Map<String, Integer> consumerMajors, Map<String, Instant> majorSunsets) {
        return new ComplianceRecord(
                productId,
                domain,
                ownerTeam,
                status,
                contractVersion,
                consumerMajors,
                majorSunsets,
                slos,
                version,
                observationVersion);
    }

    /** The same record with each SLO's fewest hours that judge it as it is at every instant of {@code now}'s hour. */
    ComplianceRecord compactedFor(Instant now) {
        Map<String, SloTrack> compacted = new TreeMap<>();
        slos.forEach((indicator, track) -> compacted.put(indicator, track.compactedFor(now)));
        return withSlos(compacted);
    }

    ComplianceRecord atVersion(long sequence) {
        return new ComplianceRecord(
                productId,
                domain,
                ownerTeam,
                status,
                currentContractVersion,
                consumers,
                sunsets,
                slos,
                sequence,
                observationVersion);
    }

    ComplianceRecord atObservation(long sequence) {
        return new ComplianceRecord(
                productId,
                domain,
                ownerTeam,
                status,
                currentContractVersion,
                consumers,
                sunsets,
                slos,
                version,
                sequence);
    }
}
