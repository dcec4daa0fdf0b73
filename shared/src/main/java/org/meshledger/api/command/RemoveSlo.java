package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshledger.api.model.Indicator;

public record RemoveSlo(@TargetAggregateIdentifier String productId, Indicator indicator, Long expectedVersion) {}
