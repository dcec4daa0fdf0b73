package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;

/**
 * One observation, judged once on arrival against the SLO then in force. Recorded on the product's observation stream
 * ({@link #STREAM_TYPE}, {@link #streamOf}), never on the product's own, so a product's history stays short however
 * many observations arrive, while views can still tell a redelivered observation by its sequence number.
 */
@Revision("1")
public record SliObserved(
        String productId, Indicator indicator, double value, Instant observedAt, Slo slo, boolean good) {
    public static final String STREAM_TYPE = "SliObservations";

    public static String streamOf(String productId) {
        return productId + "/sli";
    }
}
