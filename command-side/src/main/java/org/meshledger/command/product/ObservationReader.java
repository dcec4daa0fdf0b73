package org.meshledger.command.product;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.SliMeasurement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads one observation from JSON and checks its shape: a known indicator, a value in that indicator's range, an
 * instant with an offset that is not in the future. Problems are reported under {@code pointer}, never thrown.
 */
@Component
class ObservationReader {

    private final ObjectMapper objectMapper;
    private final Clock clock;

    @Autowired
    ObservationReader(ObjectMapper objectMapper) {
        this(objectMapper, Clock.systemUTC());
    }

    ObservationReader(ObjectMapper objectMapper, Clock clock) {
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Reads a measurement of a product named by the path; a productId in the body would be ambiguous and is refused. */
    Optional<SliMeasurement> read(JsonNode node, String pointer, List<FieldError> problems) {
        return parse(node, pointer, problems, ObservationLine.class)
                .flatMap(line -> line.productId() != null
                        ? refuse(problems, pointer + "/productId", "is given by the path; leave it out")
                        : check(line, pointer, problems));
    }

    /** Reads a measurement that names its own product, as the lines of a multi-product feed do. */
    Optional<ProductMeasurement> readWithProduct(JsonNode node, String pointer, List<FieldError> problems) {
        return parse(node, pointer, problems, ObservationLine.class).flatMap(line -> {
            if (line.productId() == null || !line.productId().matches(Ids.PRODUCT_ID)) {
                return refuse(problems, pointer + "/productId", "must be <domain>.<name> in lowercase kebab case");
            }
            return check(line, pointer, problems)
                    .map(measurement -> new ProductMeasurement(line.productId(), measurement));
        });
    }

    JsonNode tree(String json) throws JsonProcessingException {
        return objectMapper.readTree(json);
    }

    private <T> Optional<T> parse(JsonNode node, String pointer, List<FieldError> problems, Class<T> type) {
        if (node == null || !node.isObject()) {
            return refuse(problems, pointer, "must be a JSON object");
        }
        try {
            return Optional.of(objectMapper.treeToValue(node, type));
        } catch (UnrecognizedPropertyException unknown) {
            return refuse(problems, pointer + "/" + unknown.getPropertyName(), "is not a known field");
        } catch (JsonProcessingException | IllegalArgumentException wrongType) {
            return refuse(
                    problems,
                    pointer,
                    "has a field of the wrong type (value must be a number, observedAt an ISO-8601 instant with offset)");
        }
    }

    private Optional<SliMeasurement> check(ObservationLine line, String pointer, List<FieldError> problems) {
        int before = problems.size();
        Indicator indicator = null;
        if (line.indicator() == null) {
            problems.add(new FieldError(pointer + "/indicator", "is required"));
        } else {
            indicator = Indicator.fromWireName(line.indicator()).orElse(null);
            if (indicator == null) {
                problems.add(new FieldError(pointer + "/indicator", KnownIndicator.unknown(line.indicator())));
            }
        }
        if (line.value() == null) {
            problems.add(new FieldError(pointer + "/value", "is required"));
        } else if (indicator != null && !indicator.accepts(line.value())) {
            problems.add(new FieldError(pointer + "/value", "must be " + indicator.rangeDescription()));
        }
        if (line.observedAt() == null) {
            problems.add(new FieldError(pointer + "/observedAt", "is required"));
        } else if (line.observedAt().isAfter(Instant.now(clock).plus(ObservationJudgement.ALLOWED_CLOCK_SKEW))) {
            problems.add(new FieldError(pointer + "/observedAt", "lies in the future"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SliMeasurement(indicator, line.value(), line.observedAt()));
    }

    private static <T> Optional<T> refuse(List<FieldError> problems, String field, String message) {
        problems.add(new FieldError(field, message));
        return Optional.empty();
    }

    record ObservationLine(String productId, String indicator, Double value, Instant observedAt) {}

    record ProductMeasurement(String productId, SliMeasurement measurement) {}
}
