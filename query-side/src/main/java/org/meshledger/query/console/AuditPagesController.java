package org.meshledger.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.audit.ChainVerdict;
import org.meshledger.platform.audit.ChainVerifier;
import org.meshledger.platform.audit.Checkpoints;
import org.meshledger.platform.audit.SignedCheckpoint;
import org.meshledger.platform.eventstore.AuditTrail;
import org.meshledger.platform.eventstore.StoredEvent;
import org.meshledger.platform.web.Blocking;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The auditor's page (AUDITOR, STEWARD): one product's chain verified and its stored events listed, the whole
 * mesh verified, and the latest signed checkpoint to keep outside the system.
 */
@Controller
class AuditPagesController {

    private final ChainVerifier verifier;
    private final AuditTrail trail;
    private final Checkpoints checkpoints;
    private final ObjectMapper json;

    AuditPagesController(ChainVerifier verifier, AuditTrail trail, Checkpoints checkpoints, ObjectMapper json) {
        this.verifier = verifier;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    /** One line of the stored stream as the page lists it. */
    public record EventRow(
            long sequence,
            String type,
            String recordedAt,
            String actor,
            String correlationId,
            String eventId,
            String hash) {}

    /** The whole mesh checked: how many chains hold and which do not. */
    public record MeshVerdict(int verified, List<ChainVerdict> broken) {}

    @GetMapping("/ui/audit")
    Mono<String> audit(
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String mesh,
            Model model,
            ServerWebExchange exchange) {
        String asked = product == null ? "" : product.strip();
        model.addAttribute("product", asked);
        return Blocking.call(() -> {
            model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
            if (mesh != null) {
                model.addAttribute("meshVerdict", verifyMesh());
            }
            if (asked.isEmpty()) {
                return "console/audit";
            }
            if (!asked.matches(Ids.PRODUCT_ID)) {
                model.addAttribute("productProblem", "A product id is <domain>.<name>, such as claims.claim-events");
                return "console/audit";
            }
            return verifier.verify(asked)
                    .map(verdict -> {
                        model.addAttribute("verdict", verdict);
                        model.addAttribute("events", rows(trail.stream(asked, 0)));
                        return "console/audit";
                    })
                    .orElseGet(() -> {
                        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                        model.addAttribute("productId", asked);
                        return "console/not-found";
                    });
        });
    }

    @GetMapping("/ui/audit/checkpoints/latest.json")
    Mono<ResponseEntity<SignedCheckpoint>> latestCheckpoint() {
        return Blocking.call(() -> checkpoints
                .export()
                .map(signed -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"checkpoint-%d.json\"".formatted(signed.checkpoint()))
                        .body(signed))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    private MeshVerdict verifyMesh() {
        List<ChainVerdict> verdicts = verifier.aggregates().stream()
                .map(aggregate -> verifier.verify(aggregate).orElseThrow())
                .toList();
        return new MeshVerdict(
                verdicts.size(),
                verdicts.stream().filter(verdict -> !verdict.ok()).toList());
    }

    private List<EventRow> rows(List<StoredEvent> events) {
        return events.stream()
                .map(event -> {
                    JsonNode metadata = metadata(event);
                    return new EventRow(
                            event.sequence(),
                            event.type(),
                            event.timestamp().toString(),
                            metadata.path("actor").asText(""),
                            metadata.path("correlationId").asText(""),
                            event.eventId(),
                            event.hash());
                })
                .toList();
    }

    private JsonNode metadata(StoredEvent event) {
        try {
            return json.readTree(event.metadataJson());
        } catch (IOException unreadable) {
            return json.createObjectNode();
        }
    }
}
