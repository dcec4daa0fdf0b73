package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterTeam(@TargetAggregateIdentifier String team, String domain) {}
