package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterConsumer(
        @TargetAggregateIdentifier String productId, String consumerTeam, int contractMajor, Long expectedVersion) {}
