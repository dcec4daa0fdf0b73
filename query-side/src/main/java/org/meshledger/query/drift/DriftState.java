package org.meshledger.query.drift;

import java.util.Map;
import java.util.Set;
import org.meshledger.query.slo.SloTrack;
import org.meshledger.query.support.ViewIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the drift timeline remembers of a product to judge breaches as observations arrive: its SLOs with hourly
 * counts and which of them are breaching. Versions per stream make redelivery harmless.
 */
@Document("drift_states")
@CompoundIndex(name = "conditional_update", def = ViewIndexes.VERSIONED_WITH_OBSERVATIONS, unique = true)
record DriftState(
        @Id String productId,
        String domain,
        Map<String, SloTrack> slos,
        Set<String> breaching,
        long version,
        long observationVersion) {

    DriftState with(Map<String, SloTrack> changedSlos, Set<String> changedBreaching) {
        return new DriftState(productId, domain, changedSlos, changedBreaching, version, observationVersion);
    }

    DriftState atVersion(long sequence) {
        return new DriftState(productId, domain, slos, breaching, sequence, observationVersion);
    }

    DriftState atObservation(long sequence) {
        return new DriftState(productId, domain, slos, breaching, version, sequence);
    }
}
