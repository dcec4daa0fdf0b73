package org.meshledger.query.drift;

import java.time.Instant;
import java.util.Map;
import org.meshledger.query.support.ViewIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the timeline remembers of a product to judge its contract drift: the owner, the team the latest contract
 * declares, who consumes which major, and the sunsets of deprecated majors (keyed by major, as text).
 */
@Document("contract_drift_states")
@CompoundIndex(name = "conditional_update", def = ViewIndexes.VERSIONED, unique = true)
record ContractDriftState(
        @Id String productId,
        String domain,
        String ownerTeam,
        String declaredTeam,
        Map<String, Integer> consumers,
        Map<String, Instant> sunsets,
        long version) {

    ContractDriftState with(
            String owner, String declared, Map<String, Integer> consumerMajors, Map<String, Instant> majorSunsets) {
        return new ContractDriftState(productId, domain, owner, declared, consumerMajors, majorSunsets, version);
    }

    ContractDriftState atVersion(long sequence) {
        return new ContractDriftState(productId, domain, ownerTeam, declaredTeam, consumers, sunsets, sequence);
    }
}
