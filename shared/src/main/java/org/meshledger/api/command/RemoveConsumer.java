package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveConsumer(@TargetAggregateIdentifier String productId, String consumerTeam, Long expectedVersion) {}
