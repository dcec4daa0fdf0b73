package org.meshledger.api.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshledger.api.model.SliMeasurement;

/**
 * Observations of one product. With {@code allOrNothing}, one observation the product cannot accept refuses the whole
 * batch; without it, the acceptable ones are recorded and the others reported.
 */
public record RecordSliObservations(
        @TargetAggregateIdentifier String productId, List<SliMeasurement> measurements, boolean allOrNothing) {}
