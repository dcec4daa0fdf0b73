package org.meshledger.query.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.UnreadableParameter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The parameters of the reads served by functional routes, converted by the conversion service WebFlux gives
 * controllers and checked by the rules a controller declares, so a mistake gets the problem a controller parameter
 * would: {@code UNREADABLE_REQUEST} for the first parameter that cannot be converted, else {@code INVALID_REQUEST}
 * listing every rule broken.
 */
@Component
public class RouteParameters {

    private static final Pattern PRODUCT_ID = Pattern.compile(Ids.PRODUCT_ID);

    private final ConversionService conversions;

    public RouteParameters(@Qualifier("webFluxConversionService") ConversionService conversions) {
        this.conversions = conversions;
    }

    public Reading of(ServerRequest request) {
        return new Reading(request);
    }

    /** One request's parameters; read them in the order they are declared, then {@link #requireValid()}. */
    public final class Reading {

        private final ServerRequest request;
        private final List<FieldError> broken = new ArrayList<>();

        private Reading(ServerRequest request) {
            this.request = request;
        }

        public String productId() {
            String productId = request.pathVariable("productId");
            if (!PRODUCT_ID.matcher(productId).matches()) {
                broken.add(new FieldError("productId", "'%s' must match \"%s\"".formatted(productId, Ids.PRODUCT_ID)));
            }
            return productId;
        }

        /** {@code ?minVersion=}: a version the view must have applied (see {@link ReadYourWrites}); at least 0. */
        public Long minVersion() {
            Long minVersion = optional("minVersion", Long.class);
            if (minVersion != null && minVersion < 0) {
                broken.add(
                        new FieldError("minVersion", "'%d' must be greater than or equal to 0".formatted(minVersion)));
            }
            return minVersion;
        }

        public Instant instant(String name) {
            return optional(name, Instant.class);
        }

        public void requireValid() {
            if (!broken.isEmpty()) {
                throw new InvalidParameters(broken);
            }
        }

        private <T> T optional(String name, Class<T> type) {
            Optional<String> value = request.queryParam(name);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return conversions.convert(value.get(), type);
            } catch (ConversionException unreadable) {
                throw new UnreadableParameter(name, value.get(), type);
            }
        }
    }
}
