package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MoveTeamToDomain(@TargetAggregateIdentifier String team, String toDomain, String reason) {}
