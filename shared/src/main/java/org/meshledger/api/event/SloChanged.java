package org.meshledger.api.event;

import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;
import org.meshledger.api.model.SloChange;

@Revision("1")
public record SloChanged(String productId, Indicator indicator, Slo previous, Slo current, SloChange classification) {}
