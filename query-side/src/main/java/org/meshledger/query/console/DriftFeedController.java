package org.meshledger.query.console;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.meshledger.api.model.Ids;
import org.meshledger.query.drift.DriftEntry;
import org.meshledger.query.drift.DriftFeed;
import org.meshledger.query.drift.DriftFilter;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import reactor.core.publisher.Flux;

/**
 * The console's live drift feed: each entry as the same list item the page renders, pushed by server-sent events
 * for htmx to prepend. The page passes the cursor it was rendered at, so nothing recorded in between is missed; a
 * browser reconnecting by itself sends {@code Last-Event-ID}, which wins.
 */
@Controller
class DriftFeedController {

    static final String PATH = "/ui/drift/stream";

    private final DriftFeed feed;
    private final ITemplateEngine templates;
    private final Clock clock;

    DriftFeedController(DriftFeed feed, ITemplateEngine templates, Clock clock) {
        this.feed = feed;
        this.templates = templates;
        this.clock = clock;
    }

    /** The stream a page rendered now connects to: for one product, or the whole mesh when {@code productId} is null. */
    static String streamFor(String productId, long renderedAt) {
        return PATH + "?after=" + renderedAt + (productId == null ? "" : "&product=" + productId);
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(
            @RequestParam(required = false) @Pattern(regexp = Ids.PRODUCT_ID) String product,
            @RequestParam long after,
            @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId) {
        DriftFilter filter =
                product == null ? DriftFilter.ofMesh(clock.instant()) : DriftFilter.ofProduct(product, clock.instant());
        long start = lastEventId != null ? lastEventId : after;
        return DriftFeed.withHeartbeats(feed.after(start, filter).map(entry -> ServerSentEvent.builder(rendered(entry))
                .id(String.valueOf(entry.cursor()))
                .event("drift")
                .build()));
    }

    private String rendered(DriftEntry entry) {
        return templates.process("console/drift", Set.of("entry"), new Context(Locale.ENGLISH, Map.of("entry", entry)));
    }
}
