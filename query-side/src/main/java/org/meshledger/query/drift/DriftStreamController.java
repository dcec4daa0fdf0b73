package org.meshledger.query.drift;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Drift entries live, as server-sent events whose ids are cursors. A client that reconnects with
 * {@code Last-Event-ID} gets every entry after it, once; one that connects afresh gets entries from now on.
 */
@RestController
class DriftStreamController {

    private final DriftFeed feed;
    private final Clock clock;

    DriftStreamController(DriftFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping(value = "/api/drift/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<DriftEntry>> stream(
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain,
            @RequestParam(required = false) Severity severity,
            @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId) {
        DriftFilter filter = new DriftFilter(null, domain, null, severity, null, null, clock.instant());
        return Blocking.call(() -> lastEventId != null ? lastEventId : feed.latest())
                .flatMapMany(start ->
                        DriftFeed.withHeartbeats(feed.after(start, filter).map(entry -> ServerSentEvent.builder(entry)
                                .id(String.valueOf(entry.cursor()))
                                .event(entry.kind().name())
                                .build())));
    }
}
