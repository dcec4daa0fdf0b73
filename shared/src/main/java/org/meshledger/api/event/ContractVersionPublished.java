package org.meshledger.api.event;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.ContractChange;

/**
 * A contract version, with the document as it was sent, its change set against the previous version and the mode it
 * was judged under. A new major carries the deprecation of the previous one ({@code deprecatedMajor} until
 * {@code sunsetAt}) so that one command records one event. {@code validatedAgainst} names the official ODCS JSON Schema
 * the document passed when it was published ({@code v3.0.2} or {@code v3.1.0}); events recorded before it was judged
 * hold none.
 */
@Revision("1")
public record ContractVersionPublished(
        String productId,
        String contractVersion,
        String apiVersion,
        String document,
        Compatibility compatibility,
        Bump bump,
        List<ContractChange> changes,
        List<BreakingChange> breakingChanges,
        String declaredTeam,
        Integer deprecatedMajor,
        Instant sunsetAt,
        String validatedAgainst) {}
