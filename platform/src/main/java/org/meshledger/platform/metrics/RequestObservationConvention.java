package org.meshledger.platform.metrics;

import io.micrometer.common.KeyValues;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationProperties;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Requests are timed with Spring's low-cardinality tags (method, route template, status, outcome, exception), and
 * without the full URL that its high-cardinality tags add for tracers: no tracer is configured here, so parsing each
 * request's URL for them was work nobody read, a sixth of the time the request observation took on the HTTP threads.
 */
@Component
class RequestObservationConvention extends DefaultServerRequestObservationConvention {

    RequestObservationConvention(ObservationProperties observations) {
        super(observations.getHttp().getServer().getRequests().getName());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
        return KeyValues.empty();
    }
}
