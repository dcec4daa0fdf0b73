package org.meshledger.api.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshledger.api.model.Classification;

/** {@code effectiveAt} may be null: the product was then owned since before records began. */
public record RegisterDataProduct(
        @TargetAggregateIdentifier String productId,
        String domain,
        String name,
        Classification classification,
        String ownerTeam,
        String description,
        Instant effectiveAt) {}
