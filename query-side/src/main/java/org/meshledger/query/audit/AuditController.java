package org.meshledger.query.audit;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.RequestMetadata;
import org.meshledger.query.support.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The raw history of a product as stored, for auditors: every event in order, with who caused it and why. */
@RestController
class AuditController {

    private final EventStore eventStore;

    AuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping(value = "/api/audit/products/{productId}/events", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AuditedEvent> events(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return Flux.defer(() ->
                        Flux.fromStream(eventStore.readEvents(productId, 0).asStream()))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Flux.error(() -> NotFound.product(productId)))
                .filter(event -> from == null || !event.getTimestamp().isBefore(from))
                .filter(event -> to == null || event.getTimestamp().isBefore(to))
                .map(AuditController::audited);
    }

    private static AuditedEvent audited(DomainEventMessage<?> event) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (String key : RequestMetadata.KEYS) {
            metadata.put(key, event.getMetaData().get(key));
        }
        return new AuditedEvent(
                event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(),
                event.getTimestamp(),
                event.getIdentifier(),
                event.getPayload(),
                metadata);
    }

    record AuditedEvent(
            long sequence,
            String type,
            Instant timestamp,
            String eventId,
            Object payload,
            Map<String, Object> metadata) {}
}
