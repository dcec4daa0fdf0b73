package org.meshledger.command.product;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meshledger.api.command.ObservationsRecorded;
import org.meshledger.api.command.RecordSliObservations;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.SliMeasurement;
import org.meshledger.command.web.CommandDispatcher;
import org.meshledger.command.web.InvalidRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Observations of one product: one object or an array, recorded all together or not at all. */
@RestController
class ObservationController {

    private final CommandDispatcher commands;
    private final ObservationReader reader;
    private final int maxPerRequest;

    ObservationController(
            CommandDispatcher commands,
            ObservationReader reader,
            @Value("${meshledger.limits.observations-per-request:10000}") int maxPerRequest) {
        this.commands = commands;
        this.reader = reader;
        this.maxPerRequest = maxPerRequest;
    }

    @PostMapping(value = "/api/products/{productId}/sli-observations", consumes = "application/json")
    Mono<ResponseEntity<Map<String, Object>>> record(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestBody JsonNode body,
            ServerWebExchange exchange) {
        List<SliMeasurement> measurements = measurements(body);
        return commands.<ObservationsRecorded>send(new RecordSliObservations(productId, measurements, true), exchange)
                .map(recorded -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(Map.of("productId", productId, "accepted", recorded.accepted())));
    }

    private List<SliMeasurement> measurements(JsonNode body) {
        List<FieldError> problems = new ArrayList<>();
        List<SliMeasurement> measurements = new ArrayList<>();
        if (body.isArray()) {
            if (body.isEmpty() || body.size() > maxPerRequest) {
                throw new InvalidRequest(List.of(
                        new FieldError("/", "must hold between 1 and %d observations".formatted(maxPerRequest))));
            }
            for (int index = 0; index < body.size(); index++) {
                reader.read(body.get(index), "/" + index, problems).ifPresent(measurements::add);
            }
        } else {
            reader.read(body, "", problems).ifPresent(measurements::add);
        }
        InvalidRequest.throwIfAny(problems);
        return measurements;
    }
}
