package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshledger.api.model.Compatibility;

/**
 * Publishes an ODCS document, kept as sent. {@code compatibility} null keeps the product's mode; {@code dryRun} judges
 * and records nothing: the check a producer's CI runs before it deploys a schema change.
 */
public record PublishContractVersion(
        @TargetAggregateIdentifier String productId,
        String document,
        Compatibility compatibility,
        boolean dryRun,
        Long expectedVersion) {}
