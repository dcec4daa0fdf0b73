package org.meshledger.api.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeprecateContractVersion(
        @TargetAggregateIdentifier String productId,
        String contractVersion,
        Instant sunsetAt,
        String reason,
        Long expectedVersion) {}
