package org.meshledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.eventstore.AuditTrail;
import org.meshledger.platform.eventstore.StoredEvent;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The raw history of a product as stored, for auditors: every event in order, with who caused it and why, and its
 * link in the product's hash chain. Payload and metadata are the stored JSON itself, so an auditor can re-compute
 * every hash from this stream alone (docs/audit.md, "Verifying the audit trail").
 */
@RestController
class AuditController {

    private final AuditTrail trail;
    private final ObjectMapper json;

    AuditController(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @GetMapping(value = "/api/audit/products/{productId}/events", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AuditedEvent> events(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return Blocking.call(() -> trail.stream(productId, 0))
                .flatMapMany(events -> events.isEmpty()
                        ? Flux.<StoredEvent>error(NotFound.product(productId))
                        : Flux.fromIterable(events))
                .filter(event -> from == null || !event.timestamp().isBefore(from))
                .filter(event -> to == null || event.timestamp().isBefore(to))
                .map(this::audited);
    }

    private AuditedEvent audited(StoredEvent event) {
        return new AuditedEvent(
                event.sequence(),
                event.type(),
                event.timestamp(),
                event.eventId(),
                tree(event.payloadJson()),
                tree(event.metadataJson()),
                event.hash(),
                event.previousHash());
    }

    private JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("A stored event is not JSON", unreadable);
        }
    }

    record AuditedEvent(
            long sequence,
            String type,
            Instant timestamp,
            String eventId,
            JsonNode payload,
            JsonNode metadata,
            String hash,
            String previousHash) {}
}
