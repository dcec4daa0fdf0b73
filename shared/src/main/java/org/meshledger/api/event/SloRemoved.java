package org.meshledger.api.event;

import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;

@Revision("1")
public record SloRemoved(String productId, Indicator indicator, Slo previous) {}
