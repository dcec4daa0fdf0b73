package org.meshledger.api.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code effectiveAt} null means "as of recording"; {@code expectedVersion} null means no If-Match was sent. */
public record TransferOwnership(
        @TargetAggregateIdentifier String productId,
        String fromTeam,
        String toTeam,
        String reason,
        String approvedBy,
        Instant effectiveAt,
        Long expectedVersion) {}
