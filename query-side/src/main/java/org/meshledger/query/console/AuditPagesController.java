package org.meshledger.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.audit.ChainVerifier;
import org.meshledger.platform.audit.Checkpoints;
import org.meshledger.platform.audit.SignedCheckpoint;
import org.meshledger.platform.eventstore.AuditTrail;
import org.meshledger.platform.eventstore.StoredEvent;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.audit.MeshProgress;
import org.meshledger.query.audit.MeshVerification;
import org.meshledger.query.catalog.ProductSummaries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The auditor's page (AUDITOR, STEWARD): one product's chain verified and its stored events listed, the whole
 * mesh verified, and the latest signed checkpoint to keep outside the system.
 */
@Controller
class AuditPagesController {

    private final ChainVerifier verifier;
    private final AuditTrail trail;
    private final ProductSummaries summaries;
    private final Checkpoints checkpoints;
    private final ObjectMapper json;
    private final MeshVerification verification;
    private final ITemplateEngine templates;

    AuditPagesController(
            ChainVerifier verifier,
            AuditTrail trail,
            ProductSummaries summaries,
            Checkpoints checkpoints,
            ObjectMapper json,
            MeshVerification verification,
            ITemplateEngine templates) {
        this.verifier = verifier;
        this.trail = trail;
        this.summaries = summaries;
        this.checkpoints = checkpoints;
        this.json = json;
        this.verification = verification;
        this.templates = templates;
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

    /** The whole mesh checked: how many histories were, and which of them are broken. */
    public record MeshVerdict(int verified, List<MeshProgress> broken) {}

    static final String MESH_STREAM = "/ui/audit/mesh-verification";
    static final String VERDICT = "/ui/audit/verdict";
    /** About a hundred steps on the bar, however many histories the mesh holds. */
    private static final int PROGRESS_STEPS = 100;
    /** A page a person can scan; the rest of a long past is a link away, and not rendered on every visit. */
    static final int EVENTS_PER_PAGE = 100;

    @GetMapping("/ui/audit")
    Mono<String> audit(
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String mesh,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String event,
            Model model,
            ServerWebExchange exchange) {
        String asked = product == null ? "" : product.strip();
        model.addAttribute("product", asked);
        return Blocking.call(() -> {
            model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
            model.addAttribute("meshStream", mesh == null ? null : MESH_STREAM);
            if (asked.isEmpty()) {
                return "console/audit";
            }
            if (!asked.matches(Ids.PRODUCT_ID)) {
                model.addAttribute("productProblem", "A product id is <domain>.<name>, such as claims.claim-events");
                return "console/audit";
            }
            model.addAttribute("verdictOf", verdictLink(asked));
            if (model.containsAttribute("verdictNow")) {
                verifier.verify(asked).ifPresent(verdict -> model.addAttribute("verdict", verdict));
            }
            return listedEvents(asked, page, event, model)
                    .map(found -> "console/audit")
                    .orElseGet(() -> {
                        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                        model.addAttribute("productId", asked);
                        return "console/not-found";
                    });
        });
    }

    /**
     * One product's verdict, asked for by its page once shown: the page lists the events at once, and the verdict,
     * which reads and hashes every one of them, follows in its place. Followed as a link, without scripts, it is the
     * whole page with the verdict in it.
     */
    @GetMapping(VERDICT)
    Mono<String> verdict(@RequestParam String product, Model model, ServerWebExchange exchange) {
        if (!exchange.getRequest().getHeaders().containsKey("HX-Request")) {
            model.addAttribute("verdictNow", true);
            return audit(product, null, null, null, model, exchange);
        }
        String asked = product.strip();
        if (!asked.matches(Ids.PRODUCT_ID)) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return Mono.just("console/audit :: unknown");
        }
        return Blocking.call(() -> verifier.verify(asked)
                .map(verdict -> {
                    model.addAttribute("verdict", verdict);
                    return "console/audit :: verdict";
                })
                .orElseGet(() -> {
                    exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                    return "console/audit :: unknown";
                }));
    }

    private static String verdictLink(String productId) {
        return UriComponentsBuilder.fromPath(VERDICT)
                .queryParam("product", productId)
                .build()
                .encode()
                .toUriString();
    }

    /**
     * The mesh verified as the page watches: "progress" events with the bar (about a hundred of them), then "done"
     * with the verdict, after which the page closes the stream.
     */
    @GetMapping(value = MESH_STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> meshVerification() {
        List<MeshProgress> broken = new ArrayList<>();
        return verification.run().concatMap(progress -> {
            if (progress.finished()) {
                MeshVerdict verdict = new MeshVerdict(progress.verified() + progress.broken(), List.copyOf(broken));
                return Mono.just(event("done", "meshDone", Map.of("verdict", verdict)));
            }
            if (!progress.ok()) {
                broken.add(progress);
            }
            long step = Math.max(1, progress.of() / PROGRESS_STEPS);
            if (progress.position() % step != 0
                    && progress.position() != progress.of().longValue()) {
                return Mono.empty();
            }
            return Mono.just(event(
                    "progress",
                    "meshProgress",
                    Map.of("checked", progress.position(), "of", progress.of(), "brokenSoFar", broken.size())));
        });
    }

    private ServerSentEvent<String> event(String name, String fragment, Map<String, Object> variables) {
        String html = templates.process("console/audit", Set.of(fragment), new Context(Locale.ENGLISH, variables));
        return ServerSentEvent.builder(html).event(name).build();
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

    /**
     * One page of the stored events, {@value #EVENTS_PER_PAGE} to a page and read by their keys: the page asked for,
     * else the one holding {@code eventId} (a link from the ownership timeline), else the first. How many there are
     * is the catalog's version of the product; a product the catalog does not hold is listed from the store whole.
     */
    private Optional<ListPage<StoredEvent>> listedEvents(String productId, String page, String eventId, Model model) {
        Optional<ListPage<StoredEvent>> listed = summaries
                .of(productId)
                .map(summary -> (int) Math.min(Integer.MAX_VALUE, summary.version() + 1))
                .map(total -> {
                    int pages = Math.max(1, (total + EVENTS_PER_PAGE - 1) / EVENTS_PER_PAGE);
                    int number = Math.min(
                            pages - 1,
                            page != null ? ConsoleFields.page(page) : pageHolding(productId, eventId, pages));
                    return ListPage.window(
                            trail.listing(productId, (long) number * EVENTS_PER_PAGE, EVENTS_PER_PAGE),
                            number,
                            EVENTS_PER_PAGE,
                            total);
                })
                .or(() -> verifier.listStored(productId)
                        .map(events ->
                                ListPage.of(events, EVENTS_PER_PAGE, page != null ? ConsoleFields.page(page) : 0)));
        listed.ifPresent(shown -> {
            model.addAttribute("events", rows(shown.items()));
            model.addAttribute("eventPage", shown);
            model.addAttribute("eventCount", shown.total());
            model.addAttribute("previous", shown.hasPrevious() ? eventsLink(productId, shown.number() - 1) : null);
            model.addAttribute("next", shown.hasNext() ? eventsLink(productId, shown.number() + 1) : null);
        });
        return listed;
    }

    /** The page holding {@code eventId}, looked for a page at a time: only a link names an event. */
    private int pageHolding(String productId, String eventId, int pages) {
        for (int number = 0; eventId != null && number < pages; number++) {
            boolean holds = trail.listing(productId, (long) number * EVENTS_PER_PAGE, EVENTS_PER_PAGE).stream()
                    .anyMatch(stored -> eventId.equals(stored.eventId()));
            if (holds) {
                return number;
            }
        }
        return 0;
    }

    private static String eventsLink(String productId, int pageNumber) {
        return UriComponentsBuilder.fromPath("/ui/audit")
                .queryParam("product", productId)
                .queryParam("page", pageNumber)
                .build()
                .encode()
                .toUriString();
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
