package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;

/** Defines the SLO of one indicator, or changes it when one is already defined. */
public record DefineSlo(
        @TargetAggregateIdentifier String productId, Indicator indicator, Slo slo, Long expectedVersion) {}
