package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetireTeam(@TargetAggregateIdentifier String team, String reason) {}
