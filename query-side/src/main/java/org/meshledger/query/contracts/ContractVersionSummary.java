package org.meshledger.query.contracts;

import java.time.Instant;
import java.util.List;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.ContractChange;

/** One published version: its bump and change set against the version before it, and its deprecation if any. */
public record ContractVersionSummary(
        String contractVersion,
        String apiVersion,
        String validatedAgainst,
        Compatibility compatibility,
        Bump bump,
        List<ContractChange> changes,
        List<BreakingChange> breakingChanges,
        String declaredTeam,
        Instant publishedAt,
        Instant sunsetAt,
        String deprecationReason,
        String eventId) {

    static ContractVersionSummary of(ContractVersionRecord record) {
        return new ContractVersionSummary(
                record.contractVersion(),
                record.apiVersion(),
                record.validatedAgainst(),
                record.compatibility(),
                record.bump(),
                record.changes(),
                record.breakingChanges(),
                record.declaredTeam(),
                record.publishedAt(),
                record.sunsetAt(),
                record.deprecationReason(),
                record.eventId());
    }

    public int major() {
        return Integer.parseInt(contractVersion.substring(0, contractVersion.indexOf('.')));
    }
}
