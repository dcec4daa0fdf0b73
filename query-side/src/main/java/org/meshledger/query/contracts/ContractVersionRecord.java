package org.meshledger.query.contracts;

import java.time.Instant;
import java.util.List;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.ContractChange;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One published contract version, with the document as it was sent: {@code id} is {@code <productId>@<version>}. */
@Document("contract_versions")
record ContractVersionRecord(
        @Id String id,
        String productId,
        String contractVersion,
        String apiVersion,
        String validatedAgainst,
        Compatibility compatibility,
        Bump bump,
        List<ContractChange> changes,
        List<BreakingChange> breakingChanges,
        String declaredTeam,
        Instant publishedAt,
        String eventId,
        Instant sunsetAt,
        String deprecationReason,
        String document) {

    static String idOf(String productId, String contractVersion) {
        return productId + "@" + contractVersion;
    }

    ContractVersionRecord deprecated(Instant sunset, String reason) {
        return new ContractVersionRecord(
                id,
                productId,
                contractVersion,
                apiVersion,
                validatedAgainst,
                compatibility,
                bump,
                changes,
                breakingChanges,
                declaredTeam,
                publishedAt,
                eventId,
                sunset,
                reason,
                document);
    }
}
