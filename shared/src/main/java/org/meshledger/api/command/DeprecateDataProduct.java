package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeprecateDataProduct(@TargetAggregateIdentifier String productId, String reason, Long expectedVersion) {}
