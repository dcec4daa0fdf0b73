package org.meshledger.api.command;

import java.util.List;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.ContractChange;

/**
 * The answer to a contract publication (or its dry run): {@code recorded} false when nothing was recorded;
 * {@code validatedAgainst} the official ODCS JSON Schema the document passed.
 */
public record ContractJudged(
        String productId,
        long version,
        String contractVersion,
        Compatibility compatibility,
        Bump bump,
        List<ContractChange> changes,
        List<BreakingChange> breakingChanges,
        String validatedAgainst,
        boolean recorded) {}
