package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;

/**
 * One observation, judged once on arrival against the SLO then in force. Published beside the product's stream, never
 * on it, so a product's history stays short however many observations arrive.
 */
@Revision("1")
public record SliObserved(
        String productId, Indicator indicator, double value, Instant observedAt, Slo slo, boolean good) {}
